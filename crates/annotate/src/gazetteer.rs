//! Built-in name lists for the rule recognizer.
//!
//! Two sources, merged into one lowercase-keyed table built once:
//! - hand-written lists in this file (countries, capitals and big cities, regions,
//!   nationalities, given names, titles, head words, common capitalised words);
//! - `data/names.tsv`, name and token counts per type extracted from the CoNLL-2003
//!   training split by `examples/build_gazetteer.rs` (names and counts only, no text);
//! - `data/words.txt`, common lowercase words from the same split (a word list, no text).

use std::collections::HashMap;
use std::sync::OnceLock;

/// Hand-list membership bits of a [`Info`].
pub mod kind {
    /// A country, capital, big city, continent or region.
    pub const LOC: u32 = 1;
    /// A nationality or demonym ("Russian").
    pub const NAT: u32 = 1 << 1;
    /// A male given name.
    pub const FIRST_M: u32 = 1 << 2;
    /// A female given name.
    pub const FIRST_F: u32 = 1 << 3;
    /// A title or role that precedes a name ("President", "Gen.").
    pub const TITLE: u32 = 1 << 4;
    /// A word that modifies a title ("Interior", "Prime", "Deputy").
    pub const TITLE_MOD: u32 = 1 << 5;
    /// The head word of an organisation ("Ministry", "Bureau").
    pub const ORG_HEAD: u32 = 1 << 6;
    /// The head word of a facility ("Hall", "Airport").
    pub const FAC_HEAD: u32 = 1 << 7;
    /// The head word of a location ("River", "Province").
    pub const LOC_HEAD: u32 = 1 << 8;
    /// A common word that is capitalised only at a sentence start ("The", "However").
    pub const COMMON: u32 = 1 << 9;
    /// A weekday or month name (times, not entities).
    pub const CALENDAR: u32 = 1 << 10;
    /// A lowercase role noun that may precede a name ("spokesman").
    pub const ROLE: u32 = 1 << 11;
    /// A lowercase connector that may sit inside a name ("of", "de", "al").
    pub const CONNECTOR: u32 = 1 << 12;
}

/// What the lists know about one lowercased word or phrase.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Info {
    /// Hand-list bits (see [`kind`]).
    pub kinds: u32,
    /// Whole-name counts as PER, ORG, LOC, MISC.
    pub phrase: [u32; 4],
    /// Token counts inside PER, ORG, LOC, MISC names, capitalised outside names (not
    /// sentence-initial), and outside names in any case.
    pub token: [u32; 6],
}

impl Info {
    /// Whether a hand-list bit is set.
    pub fn is(&self, k: u32) -> bool {
        self.kinds & k != 0
    }
}

const COUNTRIES: &str = "afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|bosnia and herzegovina|botswana|brazil|brunei|bulgaria|burkina faso|burundi|cambodia|cameroon|canada|chad|chile|china|colombia|comoros|congo|costa rica|croatia|cuba|cyprus|czech republic|czechia|denmark|djibouti|dominica|dominican republic|ecuador|egypt|el salvador|eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|greece|grenada|guatemala|guinea|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|ivory coast|jamaica|japan|jordan|kazakhstan|kenya|kiribati|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|mauritania|mauritius|mexico|moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|burma|namibia|nauru|nepal|netherlands|holland|new zealand|nicaragua|niger|nigeria|north korea|south korea|korea|north macedonia|macedonia|norway|oman|pakistan|palestine|panama|papua new guinea|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|samoa|san marino|saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|slovakia|slovenia|somalia|south africa|south sudan|spain|sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|tonga|trinidad|tunisia|turkey|turkmenistan|tuvalu|uganda|ukraine|united arab emirates|uae|united kingdom|uk|britain|great britain|england|scotland|wales|northern ireland|united states|us|usa|u.s.|u.k.|america|uruguay|uzbekistan|vanuatu|vatican|venezuela|vietnam|yemen|zambia|zimbabwe|yugoslavia|soviet union|ussr|gaza|west bank|crimea|chechnya|kurdistan|tibet|hong kong|macau|puerto rico|greenland";

const CITIES: &str = "kabul|tirana|algiers|buenos aires|yerevan|canberra|sydney|melbourne|vienna|baku|manama|dhaka|minsk|brussels|sarajevo|brasilia|rio de janeiro|sao paulo|sofia|phnom penh|ottawa|toronto|montreal|vancouver|santiago|beijing|shanghai|hong kong|bogota|havana|nicosia|prague|copenhagen|cairo|alexandria|tallinn|addis ababa|helsinki|paris|marseille|lyon|tbilisi|berlin|munich|hamburg|frankfurt|cologne|bonn|accra|athens|budapest|reykjavik|new delhi|delhi|mumbai|bombay|calcutta|kolkata|jakarta|tehran|baghdad|basra|mosul|dublin|jerusalem|tel aviv|rome|milan|naples|turin|florence|venice|tokyo|osaka|amman|astana|nairobi|pristina|kuwait city|bishkek|riga|beirut|tripoli|benghazi|vilnius|kuala lumpur|valletta|mexico city|chisinau|ulan bator|rabat|casablanca|maputo|yangon|rangoon|kathmandu|amsterdam|rotterdam|the hague|wellington|auckland|managua|abuja|lagos|pyongyang|seoul|skopje|oslo|muscat|islamabad|karachi|lahore|panama city|asuncion|lima|manila|warsaw|krakow|lisbon|doha|bucharest|moscow|st petersburg|saint petersburg|kigali|riyadh|jeddah|mecca|dakar|belgrade|freetown|bratislava|ljubljana|mogadishu|johannesburg|cape town|pretoria|juba|madrid|barcelona|colombo|khartoum|stockholm|geneva|zurich|bern|damascus|aleppo|taipei|dushanbe|dar es salaam|bangkok|tunis|ankara|istanbul|kampala|kiev|kyiv|kharkiv|odessa|lviv|donetsk|abu dhabi|dubai|london|manchester|liverpool|birmingham|edinburgh|glasgow|belfast|washington|new york|los angeles|chicago|houston|boston|san francisco|miami|atlanta|seattle|dallas|philadelphia|detroit|tashkent|caracas|hanoi|ho chi minh city|saigon|sanaa|aden|lusaka|harare|kinshasa|luanda|brazzaville|grozny|sevastopol|minsk|gdansk|antwerp|rotterdam|strasbourg|nice|lille|bordeaux|toulouse|stuttgart|dresden|leipzig|vladivostok|novosibirsk|yekaterinburg|kazan|volgograd|tokyo|kyoto|hiroshima|nagasaki|shenzhen|guangzhou|wuhan|chongqing|mumbai|chennai|bangalore|hyderabad|kandahar|herat|peshawar|quetta|srinagar|kashmir|gaza city|ramallah|hebron|haifa|nablus|homs|idlib|raqqa|fallujah|kirkuk|erbil|sirte|misrata";

const REGIONS: &str = "europe|asia|africa|north america|south america|latin america|central america|oceania|antarctica|arctic|middle east|near east|far east|balkans|caucasus|scandinavia|siberia|sahara|sahel|caribbean|mediterranean|atlantic|pacific|baltic|gulf|persian gulf|black sea|red sea|eastern europe|western europe|central asia|southeast asia|south asia|east asia|west africa|east africa|north africa|southern africa|horn of africa|california|texas|florida|new york state|ohio|michigan|illinois|pennsylvania|virginia|new jersey|massachusetts|arizona|colorado|oregon|alaska|hawaii|bavaria|catalonia|flanders|wallonia|sicily|sardinia|corsica|crimea|donbas|donbass|chechnya|dagestan|ontario|quebec|punjab|bengal|kashmir|xinjiang|tibet|kurdistan|darfur|andalusia|lombardy|normandy|brittany|provence|yorkshire|cornwall|kent|essex|ulster|tyrol|silesia|galicia|transylvania|anatolia|patagonia|amazon|danube|rhine|thames|nile|volga";

const NATIONALITIES: &str = "afghan|albanian|algerian|american|angolan|argentine|argentinian|armenian|australian|austrian|azerbaijani|bangladeshi|belarusian|belgian|bolivian|bosnian|brazilian|british|bulgarian|cambodian|cameroonian|canadian|chilean|chinese|colombian|congolese|croatian|cuban|cypriot|czech|danish|dutch|ecuadorian|egyptian|english|eritrean|estonian|ethiopian|european|filipino|finnish|french|georgian|german|ghanaian|greek|guatemalan|haitian|honduran|hungarian|icelandic|indian|indonesian|iranian|iraqi|irish|israeli|italian|ivorian|jamaican|japanese|jordanian|kazakh|kenyan|korean|kosovar|kurdish|kuwaiti|latvian|lebanese|liberian|libyan|lithuanian|macedonian|malaysian|malian|maltese|mexican|moldovan|mongolian|montenegrin|moroccan|mozambican|namibian|nepalese|nigerian|norwegian|pakistani|palestinian|panamanian|paraguayan|persian|peruvian|polish|portuguese|qatari|romanian|russian|rwandan|saudi|scottish|senegalese|serb|serbian|slovak|slovenian|somali|spanish|sudanese|swedish|swiss|syrian|taiwanese|tajik|tanzanian|thai|tunisian|turkish|turkmen|ugandan|ukrainian|uruguayan|uzbek|venezuelan|vietnamese|welsh|yemeni|zambian|zimbabwean|soviet|arab|arabic|african|asian|latin|muslim|christian|catholic|protestant|orthodox|jewish|islamic|sunni|shia|shiite|hindu|buddhist|western|eastern|nordic|baltic|balkan|slavic|european|communist|socialist|democrat|republican|conservative|liberal|marxist|islamist";

const FIRST_M: &str = "aaron|abdul|abdullah|adam|adrian|ahmed|ahmad|alan|albert|alberto|alejandro|aleksandr|aleksei|alex|alexander|alexandre|alexei|ali|amir|anatoly|anders|andre|andrea|andreas|andrei|andrew|andriy|andrzej|angelo|anthony|antonio|anton|arnold|arthur|artem|ashraf|barack|bashar|ben|benjamin|bernard|bill|bob|bogdan|boris|brian|bruce|carl|carlos|charles|chris|christian|christopher|claude|daniel|daniele|danny|dariusz|david|dennis|denis|dmitry|dmitri|dmytro|donald|douglas|eduardo|edward|emmanuel|enrique|eric|erik|ernst|evgeny|fabio|felipe|fernando|filip|francesco|francis|francisco|frank|franz|fred|frederick|gary|george|georgi|gerhard|giorgio|giovanni|giuseppe|gordon|graham|gregory|gustavo|hamid|hans|harold|harry|hassan|heinz|helmut|henri|henry|hermann|hussein|ian|igor|ilya|ibrahim|ivan|jack|jacob|jacques|jakub|james|jan|jason|javier|jean|jeff|jeffrey|jens|jerry|jim|joachim|joe|johan|johann|john|jonathan|jorge|jose|josef|joseph|juan|jurgen|karl|karol|kevin|khalid|klaus|konstantin|krzysztof|kurt|larry|lars|lee|leonid|lorenzo|louis|luc|luca|lucas|luis|lukas|magnus|mahmoud|manuel|marc|marco|marcus|marek|mario|mark|martin|massimo|matteo|matthew|maxim|maksym|michael|michel|miguel|mikhail|mohamed|mohammed|muhammad|mustafa|mykola|nicholas|nick|nicolas|nikita|nikolai|nils|oleg|oleksandr|olaf|omar|oscar|pablo|patrick|paul|pavel|pavlo|pedro|peter|petr|petro|philip|phil|philippe|pierre|piotr|rafael|ramon|ray|raymond|richard|robert|roberto|roger|roman|ronald|rudolf|ryan|salman|sam|samuel|scott|sebastian|serge|sergei|sergey|serhiy|simon|stanislav|stefan|stephen|steve|steven|sven|taras|thomas|tim|timothy|tom|tomas|tony|ulrich|valery|vasyl|viktor|victor|vincent|vitaly|vladimir|volodymyr|walter|werner|william|wolfgang|xavier|yaroslav|yevgeny|yuri|yury|yusuf|zbigniew|jaroslaw|mateusz|tomasz|pawel|wojciech|jiri|mehmet|recep|emre|kemal|yossi|benny|moshe|avi|hamad|faisal|saud|sultan|osama|ayman|kofi|nelson|jacob|cyril|thabo|olusegun|goodluck|uhuru|yoweri|paul|xi|li|wang|zhang|hu|deng|mao|shinzo|yoshihide|fumio|junichiro|kim|moon|park|lee|narendra|rahul|manmohan|imran|nawaz|benazir|luiz|jair|dilma|hugo|nicolas|evo|rafael|mauricio|javier|emmanuel|francois|nicolas|jacques|angela|olaf|gerhard|helmut|silvio|matteo|mario|giuseppe|pedro|mariano|jose|boris|theresa|tony|gordon|david|keir|rishi|joe|donald|barack|george|ronald|jimmy|gerald|richard|lyndon|dwight|harry|franklin|herbert|calvin|woodrow|mike|tim|ted|marco|jeb|chris|rand|bernie|elon|jeff|mark|warren|sergey|larry";

const FIRST_F: &str = "agnieszka|alexandra|alice|alina|alla|amanda|amy|ana|anastasia|andrea|angela|angelika|anita|ann|anna|anne|annette|antonia|barbara|beata|beatrice|betty|brigitte|carla|carmen|caroline|catherine|cecile|charlotte|christina|christine|claire|claudia|cristina|daria|diana|dilma|dorota|elena|elizabeth|elisabeth|ella|emily|emma|eva|ewa|fatima|francesca|gabriela|giulia|hanna|hannah|helen|helena|hillary|ingrid|irena|irina|isabel|isabella|jane|janet|jennifer|jessica|joanna|julia|julie|karen|katarzyna|katherine|kathleen|katrin|kristina|larisa|laura|layla|leila|linda|lisa|liudmila|lyudmila|magdalena|malgorzata|margaret|margarethe|maria|marie|marina|marine|marta|martha|mary|maya|melania|michelle|monika|nadia|nadezhda|nancy|natalia|natalya|nina|nicola|olena|olga|oksana|patricia|paula|petra|rachel|rebecca|rosa|ruth|sabine|sandra|sara|sarah|sofia|sophie|stephanie|susan|svetlana|tamara|tatiana|tatyana|theresa|ursula|valentina|vera|victoria|viktoria|yulia|yuliya|zofia|zuzana|kamala|nikki|condoleezza|madeleine|benazir|indira|sonia|aung|jacinda|sanna|mette|giorgia|liz|kemi|priti|nicola|marine|segolene|christine|ursula|federica|kaja|ruth|sonia|ilhan|alexandria|nancy|elizabeth";

const TITLES: &str = "president|vice-president|minister|chancellor|premier|governor|mayor|senator|sen.|rep.|representative|congressman|congresswoman|gen.|general|lt.|lieutenant|col.|colonel|maj.|major|capt.|captain|sgt.|sergeant|cmdr.|commander|adm.|admiral|brig.|brigadier|marshal|dr.|doctor|prof.|professor|mr.|mrs.|ms.|miss|sir|dame|lord|lady|king|queen|prince|princess|emperor|empress|sheikh|sheik|emir|pope|cardinal|archbishop|bishop|rev.|reverend|father|rabbi|imam|ayatollah|judge|justice|prosecutor|attorney-general|inspector|detective|officer|constable|superintendent|chief|secretary|ambassador|envoy|spokesman|spokeswoman|spokesperson|chairman|chairwoman|chair|director|ceo|coach|manager|striker|midfielder|defender|goalkeeper|conductor|pastor|deputy|commissioner|head|leader|mp|mep|gov.|pres.|supt.|insp.|det.|coroner|sultan|tsar|czar|ayatollah|mullah|comrade|monsignor|speaker|treasurer|counsel|mufti";

const TITLE_MODS: &str = "prime|vice|deputy|interior|foreign|defence|defense|finance|justice|health|home|economy|economic|trade|energy|education|culture|security|police|state|federal|acting|former|chief|first|senior|junior|assistant|general|lieutenant|attorney|grand|supreme|crown|opposition|labour|labor|transport|agriculture|environment|information|emergencies|emergency|army|navy|air|military|regional|district|city|county|national|prosecutor|public|press|party|team|club|head|managing|executive|police";

const ORG_HEADS: &str = "ministry|bureau|agency|front|party|council|police|army|service|services|inc|inc.|ltd|ltd.|corp|corp.|co|co.|plc|llc|gmbh|ag|sa|university|college|institute|institution|school|academy|press|herald|news|times|post|journal|gazette|observer|tribune|telegraph|guardian|chronicle|daily|weekly|review|magazine|radio|tv|television|network|channel|broadcasting|company|corporation|group|holdings|bank|fund|foundation|association|federation|union|league|committee|commission|board|court|parliament|congress|senate|assembly|government|administration|department|office|authority|command|forces|force|guard|brigade|battalion|regiment|division|navy|militia|movement|alliance|coalition|organisation|organization|society|club|team|united|city|rovers|wanderers|athletic|fc|church|mosque|exchange|airlines|airways|motors|industries|systems|technologies|energy|petroleum|oil|gas|telecom|communications|partners|capital|securities|investments|insurance|trust|philharmonic|orchestra|symphony|ensemble|theatre company|cabinet|directorate|inspectorate|prosecutors|secretariat|tribunal|council|institute|center|centre|laboratory|lab|labs|brotherhood|taliban|hamas|hezbollah|mission";

const FAC_HEADS: &str = "hall|airport|stadium|arena|bridge|hospital|clinic|theatre|theater|square|station|cathedral|market|mall|hotel|palace|castle|tower|towers|building|museum|gallery|library|temple|synagogue|mosque|church|chapel|embassy|consulate|prison|jail|port|harbour|harbor|terminal|dam|tunnel|plant|factory|mine|base|barracks|park|garden|gardens|cemetery|monument|memorial|gate|street|avenue|road|boulevard|highway|motorway|lane|plaza|centre|center|complex|house|opera|concert hall|pier|wharf|dock|docks|refinery|reactor|university campus|school|kremlin|pentagon";

const LOC_HEADS: &str = "river|mountain|mountains|mount|mt.|lake|island|islands|isles|sea|ocean|valley|province|region|county|district|state|oblast|krai|republic|peninsula|desert|coast|bay|gulf|strait|channel|canal|plain|plains|forest|hills|heights|basin|delta|cape|prefecture|governorate|municipality|territory|territories|kingdom|emirate|village|town|city";

const COMMON: &str = "the|a|an|men|women|division|world|euro|this|that|these|those|there|here|it|its|he|she|they|we|i|you|his|her|their|our|my|your|him|them|us|me|but|and|or|nor|so|yet|if|when|while|after|before|as|at|in|on|by|for|from|to|with|without|of|about|above|below|over|under|since|until|during|despite|although|though|because|however|meanwhile|moreover|furthermore|also|still|then|now|today|yesterday|tomorrow|later|earlier|some|many|most|all|both|each|every|no|not|none|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|last|next|other|another|such|what|which|who|whom|whose|where|why|how|asked|according|officials|police|authorities|witnesses|residents|people|several|few|more|less|only|even|just|please|yes|thank|thanks|dear|mr|mrs|ms|said|says|new|former|local|late|early|breaking|update|updated|read|watch|live|photo|video|editor|note|advertisement|related|share|follow|subscribe|sign|click|log|more|image|caption|source|sources|reporting|additional|copyright|all|rights|reserved|let|do|does|did|is|are|was|were|be|been|being|have|has|had|can|could|will|would|should|may|might|must|shall|once|again|already|instead|whether|unlike|like|among|between|against|around|across|along|through|toward|towards|within|upon|into|onto|off|out|up|down|away|back|forward|together|nearly|almost|about|around|roughly|some|any|much|little|very|too|quite|rather|perhaps|maybe|indeed|thus|hence|therefore|otherwise|besides|anyway|nevertheless|nonetheless|overall|finally|eventually|initially|originally|currently|recently|previously|subsequently|immediately|suddenly|ultimately|apparently|reportedly|allegedly|officially|publicly|privately|separately|similarly|likewise|accordingly|consequently|notably|especially|particularly|specifically|generally|usually|typically|often|sometimes|always|never|ever|rarely|seldom|well|oh|ah|hey|okay|ok|sorry|hello|welcome|wow|no|yes|attack|blast|bomb|death|toll|victims|families|survivors|rescue|emergency|security|government|minister|president|state|official|statement|report|reports|news|story|analysis|opinion|comment|comments|editorial|interview|exclusive|update|live|timeline|background|context|explainer|factbox|instant|view|preview|results|result|standings|table|scores|scoreboard|summary|summaries|section|page|vs|v|day|week|month|year|half|quarter|total|group|round|final|semi|league";

const CALENDAR: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|jan.|feb.|mar.|apr.|jun.|jul.|aug.|sep.|sept.|oct.|nov.|dec.|christmas|easter|ramadan";

const ROLES: &str = "spokesman|spokeswoman|spokesperson|chief|minister|president|conductor|director|officer|commander|leader|head|secretary|ambassador|envoy|mayor|governor|general|analyst|expert|professor|lawyer|attorney|witness|survivor|prosecutor|judge|investigator|detective|inspector|chairman|chairwoman|founder|ceo|manager|coach|editor|correspondent|reporter|journalist|activist|researcher|historian|economist|premier|chancellor|senator|lawmaker|deputy|aide|adviser|advisor|official|diplomat|colonel|captain|sergeant|lieutenant|major|priest|bishop|imam|rabbi|musician|violinist|pianist|singer|actor|actress|doctor|surgeon|nurse|paramedic|firefighter|student|teacher|owner|resident|colleague|son|daughter|wife|husband|mother|father|brother|sister|friend|neighbour|neighbor";

const CONNECTORS: &str = "of|the|de|du|da|del|della|der|den|van|von|al|el|bin|ibn|la|le|y|di|do|dos|das|st.|&|for|on|and|in";

/// Whether `lower` is a common lowercase word (seen at least twice in lowercase in the
/// training text and at most a quarter as often inside a name there).
pub fn is_lowercase_word(lower: &str) -> bool {
    static WORDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            include_str!("../data/words.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect()
        })
        .contains(lower)
}

/// Bits, names and counts, lowercase-keyed.
pub fn table() -> &'static HashMap<String, Info> {
    static TABLE: OnceLock<HashMap<String, Info>> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// What the lists know about `lower` (a lowercased word or space-joined phrase).
pub fn lookup(lower: &str) -> Option<&'static Info> {
    table().get(lower)
}

fn build() -> HashMap<String, Info> {
    let mut m: HashMap<String, Info> = HashMap::with_capacity(12_000);
    let lists: [(&str, u32); 14] = [
        (COUNTRIES, kind::LOC),
        (CITIES, kind::LOC),
        (REGIONS, kind::LOC),
        (NATIONALITIES, kind::NAT),
        (FIRST_M, kind::FIRST_M),
        (FIRST_F, kind::FIRST_F),
        (TITLES, kind::TITLE),
        (TITLE_MODS, kind::TITLE_MOD),
        (ORG_HEADS, kind::ORG_HEAD),
        (FAC_HEADS, kind::FAC_HEAD),
        (LOC_HEADS, kind::LOC_HEAD),
        (COMMON, kind::COMMON),
        (CALENDAR, kind::CALENDAR),
        (ROLES, kind::ROLE),
    ];
    for (list, bit) in lists {
        for w in list.split('|') {
            m.entry(w.to_string()).or_default().kinds |= bit;
        }
    }
    for w in CONNECTORS.split('|') {
        m.entry(w.to_string()).or_default().kinds |= kind::CONNECTOR;
    }
    // nationalities also in their plural form ("Russians")
    for w in NATIONALITIES.split('|') {
        if !w.ends_with('s') && !w.ends_with("ese") && !w.ends_with("ish") && !w.ends_with("ch") {
            m.entry(format!("{w}s")).or_default().kinds |= kind::NAT;
        }
    }
    for line in include_str!("../data/names.tsv").lines() {
        let mut cols = line.split('\t');
        let (Some(tag), Some(name)) = (cols.next(), cols.next()) else {
            continue;
        };
        let nums: Vec<u32> = cols.filter_map(|c| c.parse().ok()).collect();
        let e = m.entry(name.to_string()).or_default();
        match tag {
            "P" => {
                for (slot, v) in e.phrase.iter_mut().zip(nums.iter()) {
                    *slot += v;
                }
            }
            "T" => {
                for (slot, v) in e.token.iter_mut().zip(nums.iter()) {
                    *slot += v;
                }
            }
            _ => {}
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_loaded() {
        assert!(lookup("germany").is_some_and(|i| i.is(kind::LOC)));
        assert!(lookup("irina").is_some_and(|i| i.is(kind::FIRST_F)));
        assert!(lookup("hall").is_some_and(|i| i.is(kind::FAC_HEAD)));
        assert!(lookup("bureau").is_some_and(|i| i.is(kind::ORG_HEAD)));
        assert!(lookup("russians").is_some_and(|i| i.is(kind::NAT)));
        assert!(lookup("june").is_some_and(|i| i.is(kind::CALENDAR)));
    }
}
