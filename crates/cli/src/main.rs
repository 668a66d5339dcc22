//! The `corroborate` command line.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use corroborate::{Config, annotate_all, ingest, parse_dct, prepare_with_problems, report};
use corroborate_ingest::{Limits, Notice, RawDoc, Severity, Sink};
use corroborate_model::Annotations;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

const EXAMPLES: &str = "\
Examples:
  corroborate demo                                   write the demo dossier to ./corroborate-demo/
  corroborate analyze articles/ --format html --out dossier.html
  corroborate analyze feed.jsonl crawl.warc.gz --format md
  corroborate annotate story.txt --dct 2023-06-05     one annotations@1 JSON object per line
  corroborate annotate --raw page.txt                 offsets index the decoded input (UTF-8, no BOM)
  corroborate clean page.html                         the cleaned main text
  cat page.html | corroborate clean - --format json

Exit codes: 0 all inputs read, 2 some inputs skipped (one line each on stderr), 1 failure.";

/// Turns a pile of news articles into a dossier: sources, entities, timeline, quotes,
/// claims and a cited summary, every item traceable to byte offsets.
#[derive(Parser)]
#[command(name = "corroborate", version, about, after_help = EXAMPLES)]
struct Cli {
    /// No progress bar and no warnings (skipped inputs are still reported).
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse files, folders (recursively) or `-` (stdin) into one dossier.
    #[command(after_help = EXAMPLES)]
    Analyze {
        /// Inputs: .html, .txt, .md, .jsonl, .warc, .warc.gz, folders, `-`.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write to FILE instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Publication date (YYYY-MM-DD) for sources that have none of their own.
        #[arg(long, value_name = "YYYY-MM-DD")]
        dct: Option<String>,
        /// Extra alias knowledge base: `canonical<TAB>type<TAB>alias|alias|...` lines,
        /// added to the built-in one (yours win).
        #[arg(long, value_name = "FILE")]
        aliases: Option<PathBuf>,
    },
    /// Annotate each source: one annotations@1 JSON object per line on stdout.
    #[command(after_help = EXAMPLES)]
    Annotate {
        /// Inputs.
        paths: Vec<PathBuf>,
        /// No cleaning: the text is the decoded input (UTF-8, BOM removed), so offsets index
        /// the input itself when it is UTF-8 without a BOM.
        #[arg(long)]
        raw: bool,
        /// Publication date (YYYY-MM-DD) for sources that have none of their own.
        #[arg(long, value_name = "YYYY-MM-DD")]
        dct: Option<String>,
    },
    /// Print the cleaned main text of each source.
    #[command(after_help = EXAMPLES)]
    Clean {
        /// Inputs.
        paths: Vec<PathBuf>,
        /// `text`, or `json` for one {origin, text, removed, flags, title, published} per line.
        #[arg(long, value_enum, default_value_t = CleanFormat::Text)]
        format: CleanFormat,
    },
    /// Analyse the built-in demo corpus and write the dossier to ./corroborate-demo/.
    Demo {
        /// Folder to write to.
        #[arg(long, default_value = "corroborate-demo")]
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Md,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum CleanFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(skipped) if skipped > 0 => ExitCode::from(2),
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Prints notices as they come, counts skips, and keeps documents.
struct Reader {
    docs: Vec<RawDoc>,
    skipped: Vec<String>,
    quiet: bool,
    progress: Option<ProgressBar>,
}

impl Sink for Reader {
    fn doc(&mut self, doc: RawDoc) {
        self.docs.push(doc);
        if let Some(p) = &self.progress {
            p.set_position(self.docs.len() as u64);
        }
    }
    fn notice(&mut self, notice: Notice) {
        if notice.severity == Severity::Skipped {
            self.skipped.push(notice.to_string());
        } else if self.quiet {
            return;
        }
        match &self.progress {
            Some(p) => p.suspend(|| eprintln!("{notice}")),
            None => eprintln!("{notice}"),
        }
    }
}

fn progress(quiet: bool, msg: &'static str, len: Option<u64>) -> Option<ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = match len {
        Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({per_sec}, eta {eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        ),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
            ProgressStyle::with_template("{spinner} {msg} {pos} documents ({per_sec})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.set_message(msg);
    Some(bar)
}

fn read_inputs(paths: &[PathBuf], quiet: bool) -> Result<Reader> {
    let mut paths = paths.to_vec();
    if paths.is_empty() {
        if std::io::stdin().is_terminal() {
            anyhow::bail!("no input: give files or folders, or `-` to read stdin (see --help)");
        }
        paths.push(PathBuf::from("-"));
    }
    let mut reader = Reader {
        docs: Vec::new(),
        skipped: Vec::new(),
        quiet,
        progress: progress(quiet, "reading", None),
    };
    ingest::read_paths(&paths, Limits::default(), &mut reader);
    if let Some(p) = reader.progress.take() {
        p.finish_and_clear();
    }
    Ok(reader)
}

fn annotate_with_progress(docs: &[RawDoc], config: &Config, quiet: bool) -> Vec<Annotations> {
    let bar = progress(quiet, "annotating", Some(docs.len() as u64));
    let mut out = Vec::with_capacity(docs.len());
    for chunk in docs.chunks(64) {
        for (a, problems) in annotate_all(chunk, config) {
            // cleaning's problems (markup flattened, ...) are worth a line; a missing
            // publication date is not, since linking may infer one
            if !quiet {
                for p in problems.iter().filter(|p| p.stage == "clean") {
                    eprintln!("warning: {}: {}", a.source.origin, p.message);
                }
            }
            out.push(a);
        }
        if let Some(b) = &bar {
            b.inc(chunk.len() as u64);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    out
}

fn dct_arg(dct: Option<&str>) -> Result<Option<corroborate_model::DateValue>> {
    match dct {
        None => Ok(None),
        Some(s) => parse_dct(s)
            .map(Some)
            .with_context(|| format!("--dct {s:?} is not a date (YYYY-MM-DD)")),
    }
}

fn run(cli: Cli) -> Result<usize> {
    let quiet = cli.quiet;
    match cli.command {
        Command::Analyze {
            paths,
            format,
            out,
            dct,
            aliases,
        } => {
            let user_kb = match &aliases {
                Some(p) => Some(
                    std::fs::read_to_string(p)
                        .with_context(|| format!("cannot read --aliases {}", p.display()))?,
                ),
                None => None,
            };
            let (link_options, kb_problems) = corroborate::link_options(user_kb.as_deref());
            if let Some(p) = &aliases {
                for problem in kb_problems {
                    eprintln!("warning: {}: {problem}", p.display());
                }
            }
            let config = Config {
                dct: dct_arg(dct.as_deref())?,
                raw: false,
            };
            let reader = read_inputs(&paths, quiet)?;
            let annotations = annotate_with_progress(&reader.docs, &config, quiet);
            let skipped = reader.skipped.len();
            let dossier = corroborate::analyze_full(annotations, reader.skipped, &link_options).0;
            let rendered = match format {
                Format::Json => report::to_json(&dossier),
                Format::Md => report::to_markdown(&dossier),
                Format::Html => report::to_html(&dossier),
            };
            write_output(out.as_deref(), &rendered)?;
            Ok(skipped)
        }
        Command::Annotate { paths, raw, dct } => {
            let config = Config {
                dct: dct_arg(dct.as_deref())?,
                raw,
            };
            let reader = read_inputs(&paths, quiet)?;
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            let mut ids = corroborate::UniqueIds::default();
            for chunk in reader.docs.chunks(64) {
                let mut anns: Vec<Annotations> = Vec::with_capacity(chunk.len());
                for (a, problems) in annotate_all(chunk, &config) {
                    if !quiet {
                        for p in problems {
                            eprintln!("warning: {}: {}", a.source.origin, p.message);
                        }
                    }
                    anns.push(a);
                }
                for a in anns.iter_mut() {
                    a.source.id = ids.unique(&a.source.id);
                }
                for a in anns {
                    let line = serde_json::to_string(&a).context("serialising annotations")?;
                    writeln!(w, "{line}").context("writing to stdout")?;
                }
            }
            w.flush().context("writing to stdout")?;
            Ok(reader.skipped.len())
        }
        Command::Clean { paths, format } => {
            let config = Config::default();
            let reader = read_inputs(&paths, quiet)?;
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            let many = reader.docs.len() > 1;
            for doc in &reader.docs {
                let (s, problems) = prepare_with_problems(doc, &config);
                if !quiet {
                    for p in &problems {
                        eprintln!("warning: {}: {}", s.origin, p.message);
                    }
                }
                match format {
                    CleanFormat::Json => {
                        let v = serde_json::json!({
                            "origin": s.origin,
                            "text": s.text,
                            "removed": s.removed,
                            "flags": s.flags,
                            "title": s.title,
                            "published": s.published,
                            "flag_evidence": s.flag_evidence,
                        });
                        writeln!(w, "{v}").context("writing to stdout")?;
                    }
                    CleanFormat::Text => {
                        if many {
                            writeln!(w, "==> {} <==", s.origin).context("writing to stdout")?;
                        }
                        writeln!(w, "{}", s.text.trim_end()).context("writing to stdout")?;
                        if many {
                            writeln!(w).context("writing to stdout")?;
                        }
                    }
                }
            }
            w.flush().context("writing to stdout")?;
            Ok(reader.skipped.len())
        }
        Command::Demo { dir } => {
            let path = write_demo(&dir, quiet)?;
            println!("{}", path.display());
            Ok(0)
        }
    }
}

fn write_output(out: Option<&Path>, text: &str) -> Result<()> {
    match out {
        Some(p) => std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display())),
        None => {
            let stdout = std::io::stdout();
            let mut w = stdout.lock();
            w.write_all(text.as_bytes()).context("writing to stdout")?;
            if !text.ends_with('\n') {
                w.write_all(b"\n").context("writing to stdout")?;
            }
            Ok(())
        }
    }
}

/// Runs the demo corpus through the pipeline and writes the dossier in every format.
fn write_demo(dir: &Path, quiet: bool) -> Result<PathBuf> {
    let input_dir = dir.join("input");
    std::fs::create_dir_all(&input_dir)
        .with_context(|| format!("cannot create {}", input_dir.display()))?;
    for (name, bytes) in corroborate::demo::files() {
        std::fs::write(input_dir.join(name), bytes)
            .with_context(|| format!("cannot write {}", input_dir.join(name).display()))?;
    }
    let run = corroborate::demo::analyze_demo();
    for notice in &run.notices {
        eprintln!("{notice}");
    }
    let dossier = run.dossier;
    let write = |name: &str, text: String| -> Result<()> {
        let p = dir.join(name);
        std::fs::write(&p, text).with_context(|| format!("cannot write {}", p.display()))
    };
    write("dossier.json", report::to_json(&dossier))?;
    write("dossier.md", report::to_markdown(&dossier))?;
    write("dossier.html", report::to_html(&dossier))?;
    if !quiet {
        let n_stories = dossier.stories.len();
        eprintln!(
            "demo: {} sources, {} stories; wrote dossier.html, dossier.md, dossier.json and input/ to {}",
            dossier.sources.len(),
            n_stories,
            dir.display()
        );
    }
    Ok(dir.join("dossier.html"))
}
