//! Cleans one HTML or text file and prints the result (development aid).
//!
//! Usage: `cargo run -p corroborate-clean --example clean_file -- FILE [--debug] [--text]`

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        println!("usage: clean_file FILE [--debug] [--text]");
        return;
    };
    let Ok(bytes) = std::fs::read(path) else {
        println!("cannot read {path}");
        return;
    };
    let s = String::from_utf8_lossy(&bytes);
    if args.iter().any(|a| a == "--debug") {
        println!("{}", corroborate_clean::debug_html(&s));
    }
    let c = if args.iter().any(|a| a == "--text") {
        corroborate_clean::clean_text(&s, None)
    } else {
        corroborate_clean::clean_html(&s)
    };
    println!("{:?}", c.meta);
    for f in &c.flags {
        println!("FLAG {} : {}", f.flag, f.detail);
    }
    for r in &c.removed {
        println!(
            "REMOVED [{}] {}",
            r.reason,
            r.text.chars().take(100).collect::<String>()
        );
    }
    println!("-----\n{}", c.text);
}
