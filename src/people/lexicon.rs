//! Word lists the people detector judges capitalised words by. Written for redline (not
//! copied from any corpus); the census first- and last-name lists live in `assets/names/`.
//! Every entry is lower case; multi-word entries are joined by single spaces.

/// Titles written before a name, capitalised ("President", "Mr", "Sen."). Not part of the name.
pub const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "madam",
    "president", "vice", "prime", "minister", "premier", "chancellor", "king", "queen", "prince", "princess",
    "emperor", "empress", "pope", "sultan", "emir", "sheikh", "shaikh", "crown", "duke", "duchess", "earl",
    "baron", "baroness", "senator", "sen", "rep", "representative", "congressman", "congresswoman", "gov",
    "governor", "mayor", "gen", "general", "col", "colonel", "lt", "lieutenant", "maj", "major", "capt",
    "captain", "cmdr", "commander", "sgt", "sergeant", "adm", "admiral", "marshal", "field", "brig",
    "brigadier", "cpl", "corporal", "pvt", "private", "judge", "justice", "chief", "secretary", "ambassador",
    "envoy", "special", "deputy", "acting", "interim", "former", "foreign", "defence", "defense", "finance",
    "interior", "health", "trade", "economy", "energy", "state", "attorney", "solicitor", "speaker",
    "chairman", "chairwoman", "chair", "ceo", "cfo", "director", "commissioner", "inspector", "detective",
    "det", "supt", "superintendent", "officer", "coach", "manager", "rev", "reverend", "father", "fr",
    "sister", "brother", "bishop", "archbishop", "cardinal", "rabbi", "imam", "ayatollah", "mullah",
    "pastor", "hon", "honourable", "honorable", "rt", "saint", "st", "leader", "opposition", "party",
    "spokesman", "spokeswoman", "dj", "mp", "mep", "lawmaker", "senior", "junior", "head", "executive",
    "officials", "official", "uncle", "aunt", "grandmother", "grandfather", "mother", "mum", "mom", "dad",
    "coach",
];

/// Lower-case words that, written just before a name, say it is a person's ("Kremlin
/// spokesman Dmitry Peskov", "his son-in-law Jared Kushner", "striker Harry Kane").
pub const ROLES: &[&str] = &[
    "spokesman", "spokeswoman", "spokesperson", "envoy", "president", "minister", "leader", "chief",
    "secretary", "ambassador", "adviser", "advisor", "aide", "official", "negotiator", "diplomat",
    "chancellor", "premier", "senator", "governor", "mayor", "congressman", "congresswoman", "lawmaker",
    "legislator", "politician", "candidate", "nominee", "challenger", "incumbent", "opponent", "counterpart",
    "successor", "predecessor", "deputy", "director", "chairman", "chairwoman", "chair", "executive",
    "founder", "co-founder", "owner", "investor", "billionaire", "businessman", "businesswoman",
    "entrepreneur", "banker", "economist", "analyst", "strategist", "professor", "researcher", "scientist",
    "expert", "lawyer", "attorney", "prosecutor", "judge", "defendant", "plaintiff", "witness", "suspect",
    "victim", "reporter", "correspondent", "journalist", "editor", "columnist", "photographer", "author",
    "writer", "novelist", "poet", "artist", "actor", "actress", "singer", "rapper", "musician", "composer",
    "director", "producer", "comedian", "presenter", "host", "star", "coach", "manager", "striker",
    "midfielder", "defender", "goalkeeper", "forward", "winger", "captain", "player", "batsman", "bowler",
    "pitcher", "quarterback", "champion", "titleholder", "seed", "teammate", "compatriot", "countryman",
    "countrywoman", "veteran", "rookie", "newcomer", "winner", "runner-up", "rider", "driver", "cyclist",
    "sprinter", "swimmer", "skier", "golfer", "boxer", "wrestler", "jockey", "trainer", "referee", "umpire",
    "astronaut", "cosmonaut", "pundit", "commentator", "son", "daughter", "wife", "husband", "widow",
    "widower", "father", "mother", "brother", "sister", "uncle", "aunt", "nephew", "niece", "cousin",
    "grandson", "granddaughter", "son-in-law", "daughter-in-law", "father-in-law", "brother-in-law",
    "fiancé", "fiancee", "partner", "girlfriend", "boyfriend", "friend", "colleague", "ally", "mentor",
    "spokesperson", "commander", "general", "colonel", "officer", "soldier", "pilot", "agent", "detective",
    "inspector", "sheriff", "chef", "dr", "mr", "mrs", "ms", "pope", "king", "queen", "prince", "princess",
    "cardinal", "bishop", "rabbi", "imam", "cleric", "activist", "dissident", "campaigner", "protester",
    "student", "teacher", "doctor", "nurse", "surgeon", "patient", "resident", "citizen", "farmer", "worker",
    "employee", "whistleblower", "ceo", "cfo", "coo", "vice-president", "vice", "secretary-general",
    "president-elect", "commissioner", "speaker", "representative", "mp", "envoys", "sen", "rep", "gov",
];

/// Verbs of saying that follow (or precede, "said Smith") a speaker.
pub const SPEECH: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "noted", "notes", "warned",
    "warns", "argued", "argues", "claimed", "claims", "insisted", "insists", "explained", "explains",
    "declared", "declares", "announced", "announces", "asked", "asks", "replied", "replies", "responded",
    "responds", "wrote", "writes", "tweeted", "posted", "recalled", "recalls", "admitted", "admits",
    "acknowledged", "acknowledges", "conceded", "concedes", "suggested", "suggests", "urged", "urges",
    "stressed", "stresses", "confirmed", "confirms", "denied", "denies", "predicted", "predicts", "remarked",
    "remarks", "commented", "comments", "continued", "continues", "testified", "testifies", "shouted",
    "whispered", "joked", "jokes", "complained", "complains", "vowed", "vows", "pledged", "pledges",
    "promised", "promises", "thinks", "thought", "believes", "believed", "hopes", "hoped", "wants", "wanted",
    "met", "meets", "visited", "visits", "scored", "scores", "won", "wins", "beat", "beats", "defeated",
    "signed", "resigned", "died", "dies", "married", "was", "is", "has", "had", "who", "will", "would",
    "could", "should", "can", "may", "might", "must",
];

/// Of [`SPEECH`], the ones that point at a person strongly enough alone; the rest only help.
pub const STRONG_SPEECH: &[&str] = &[
    "said", "says", "told", "added", "stated", "noted", "warned", "argued", "claimed", "insisted",
    "explained", "declared", "asked", "replied", "responded", "wrote", "tweeted", "recalled", "admitted",
    "acknowledged", "conceded", "suggested", "urged", "stressed", "remarked", "commented", "testified",
    "shouted", "whispered", "joked", "complained", "vowed", "who", "thinks", "believes", "scored", "married",
    "died", "resigned",
];

/// Lower-case words between a name and its surname ("Osama bin Laden", "Ursula von der
/// Leyen", "Charles de Gaulle").
pub const PARTICLES: &[&str] = &[
    "de", "da", "di", "do", "dos", "das", "du", "del", "della", "der", "den", "van", "von", "ter", "ten",
    "bin", "ibn", "bint", "al", "el", "la", "le", "y", "zu", "af", "av", "mac", "st",
];

/// Name suffixes kept as part of the name ("Martin Luther King Jr").
pub const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Words that mark a capitalised sequence as an organisation, place, event or thing.
pub const NOT_PERSON_WORDS: &[&str] = &[
    // organisations
    "house", "party", "council", "committee", "ministry", "department", "dept", "office", "agency", "bureau",
    "bank", "group", "inc", "corp", "corporation", "ltd", "llc", "plc", "co", "company", "companies",
    "holdings", "partners", "capital", "fund", "funds", "trust", "foundation", "institute", "institution",
    "university", "college", "school", "academy", "association", "union", "federation", "league", "club",
    "fc", "united", "city", "rovers", "athletic", "wanderers", "airlines", "airways", "motors", "systems",
    "technologies", "labs", "media", "news", "times", "post", "journal", "herald", "tribune", "gazette",
    "telegraph", "guardian", "press", "television", "tv", "radio", "network", "court", "commission", "board",
    "authority", "organisation", "organization", "army", "navy", "force", "forces", "corps", "guard",
    "police", "government", "administration", "parliament", "assembly", "congress", "senate", "cabinet",
    "court", "tribunal", "service", "services", "council", "church", "mosque", "temple", "hospital",
    "clinic", "museum", "gallery", "theatre", "theater", "hotel", "stadium", "arena", "centre", "center",
    "airport", "station", "port", "exchange", "market", "markets", "index", "reserve", "treasury",
    "pentagon", "kremlin", "embassy", "consulate", "mission", "alliance", "coalition", "movement", "front",
    "brigade", "brigades", "battalion", "regiment", "division", "command", "order", "society", "council",
    "initiative", "project", "program", "programme", "plan", "summit", "conference", "forum", "bowl",
    "festival", "awards", "prize", "cup", "championship", "championships", "open", "games", "olympics",
    "series", "tour", "grand", "prix", "trophy", "war", "act", "bill", "treaty", "accord", "agreement",
    "deal", "declaration", "charter", "constitution", "day", "week", "year", "era", "age", "revolution",
    "crisis", // places
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "square", "lane", "drive", "bridge", "tower",
    "towers", "building", "palace", "castle", "park", "gardens", "river", "sea", "ocean", "lake", "bay",
    "gulf", "strait", "channel", "coast", "island", "islands", "isle", "peninsula", "mountain", "mountains",
    "mount", "mt", "hill", "hills", "valley", "desert", "forest", "canyon", "falls", "beach", "province",
    "region", "state", "states", "county", "district", "territory", "territories", "republic", "kingdom",
    "emirates", "federation", "oblast", "prefecture", "north", "south", "east", "west", "northern",
    "southern", "eastern", "western", "central", "upper", "lower", "greater", "new", "old", "great",
    "little", "united", "world", "global", "international", "national", "federal", "royal", "imperial",
    "democratic", "republican", "socialist", "communist", "liberal", "conservative", "labour", "labor",
    "green", "greens", // products, media, misc
    "ai", "app", "iphone", "windows", "model", "version", "edition", "report", "index", "covid",
    "coronavirus", "virus", "ebola", "internet", "online", "web", "email", "facebook", "twitter",
    "instagram", "youtube", "tiktok", "google", "apple", "microsoft", "amazon", "netflix", "meta", "tesla",
    "reuters", "bloomberg", "afp", "ap", "bbc", "cnn", "nbc", "cbs", "abc", "fox", "npr", "nato", "un", "eu",
    "opec", "imf", "who", "wto", "fbi", "cia", "nsa", "kgb", "fsb", "isis", "hamas", "hezbollah", "taliban",
    "al-qaeda", "qaeda", "interfax", "tass", "ria", "xinhua", "dpa", "ansa", "kyodo", "yonhap", "euro",
    "euros", "dollar", "dollars", "rouble", "roubles", "ruble", "rubles", "pound", "pounds", "yen", "yuan",
    "bitcoin",
];

/// Countries, capitals, large cities, US states and regions (single words and multi-word
/// names), lower case.
pub const PLACES: &[&str] = &[
    "afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia", "australia", "austria",
    "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium", "belize", "benin",
    "bhutan", "bolivia", "bosnia", "herzegovina", "botswana", "brazil", "brunei", "bulgaria", "burkina",
    "faso", "burundi", "cambodia", "cameroon", "canada", "chad", "chile", "china", "colombia", "comoros",
    "congo", "croatia", "cuba", "cyprus", "czechia", "czech", "denmark", "djibouti", "dominica", "ecuador",
    "egypt", "eritrea", "estonia", "eswatini", "ethiopia", "fiji", "finland", "france", "gabon", "gambia",
    "georgia", "germany", "ghana", "greece", "grenada", "guatemala", "guinea", "guyana", "haiti", "honduras",
    "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "jamaica",
    "japan", "jordan", "kazakhstan", "kenya", "kiribati", "korea", "kosovo", "kuwait", "kyrgyzstan", "laos",
    "latvia", "lebanon", "lesotho", "liberia", "libya", "liechtenstein", "lithuania", "luxembourg",
    "madagascar", "malawi", "malaysia", "maldives", "mali", "malta", "mauritania", "mauritius", "mexico",
    "micronesia", "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique", "myanmar", "burma",
    "namibia", "nauru", "nepal", "netherlands", "holland", "nicaragua", "niger", "nigeria", "norway", "oman",
    "pakistan", "palau", "palestine", "panama", "paraguay", "peru", "philippines", "poland", "portugal",
    "qatar", "romania", "russia", "rwanda", "samoa", "senegal", "serbia", "seychelles", "sierra", "leone",
    "singapore", "slovakia", "slovenia", "somalia", "spain", "sudan", "suriname", "sweden", "switzerland",
    "syria", "taiwan", "tajikistan", "tanzania", "thailand", "togo", "tonga", "trinidad", "tobago",
    "tunisia", "turkey", "türkiye", "turkmenistan", "tuvalu", "uganda", "ukraine", "uruguay", "uzbekistan",
    "vanuatu", "vatican", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe", "england", "scotland",
    "wales", "britain", "uk", "us", "usa", "u.s", "u.k", "u.s.a", "america", "americas", "europe", "asia",
    "africa", "antarctica", "oceania", "arctic", "atlantic", "pacific", "mediterranean", "baltic", "balkans",
    "caucasus", "crimea", "donbas", "donbass", "donetsk", "luhansk", "kherson", "zaporizhzhia", "kharkiv",
    "odesa", "odessa", "lviv", "dnipro", "mariupol", "bakhmut", "avdiivka", "pokrovsk", "kursk", "belgorod",
    "gaza", "rafah", "jerusalem", "tel", "aviv", "ramallah", "beirut", "damascus", "aleppo", "baghdad",
    "tehran", "kabul", "islamabad", "karachi", "lahore", "delhi", "mumbai", "kolkata", "chennai",
    "bangalore", "bengaluru", "dhaka", "colombo", "kathmandu", "beijing", "shanghai", "hong", "kong",
    "shenzhen", "guangzhou", "wuhan", "taipei", "tokyo", "osaka", "kyoto", "seoul", "pyongyang", "manila",
    "jakarta", "bangkok", "hanoi", "saigon", "kuala", "lumpur", "canberra", "sydney", "melbourne",
    "brisbane", "perth", "auckland", "wellington", "moscow", "petersburg", "kyiv", "kiev", "minsk", "warsaw",
    "krakow", "prague", "vienna", "budapest", "bucharest", "sofia", "belgrade", "zagreb", "ljubljana",
    "sarajevo", "athens", "istanbul", "ankara", "rome", "milan", "naples", "turin", "venice", "florence",
    "madrid", "barcelona", "seville", "valencia", "lisbon", "porto", "paris", "marseille", "lyon", "nice",
    "brussels", "antwerp", "amsterdam", "rotterdam", "hague", "berlin", "munich", "hamburg", "frankfurt",
    "cologne", "stuttgart", "dusseldorf", "dortmund", "leipzig", "bremen", "hanover", "nuremberg", "dresden",
    "bonn", "mainz", "freiburg", "wolfsburg", "gelsenkirchen", "lille", "bordeaux", "toulouse", "nantes",
    "strasbourg", "marseilles", "genoa", "bologna", "verona", "bilbao", "malaga", "eindhoven", "salzburg",
    "graz", "zurich", "geneva", "bern", "basel", "copenhagen", "stockholm", "oslo", "helsinki", "reykjavik",
    "dublin", "belfast", "london", "manchester", "liverpool", "birmingham", "leeds", "glasgow", "edinburgh",
    "cardiff", "bristol", "newcastle", "riga", "vilnius", "tallinn", "chisinau", "tbilisi", "yerevan",
    "baku", "astana", "tashkent", "cairo", "alexandria", "tripoli", "tunis", "algiers", "rabat",
    "casablanca", "khartoum", "addis", "ababa", "nairobi", "mogadishu", "kampala", "kigali", "lagos",
    "abuja", "accra", "dakar", "kinshasa", "luanda", "johannesburg", "pretoria", "harare", "lusaka",
    "riyadh", "jeddah", "mecca", "medina", "dubai", "doha", "muscat", "sanaa", "amman", "kuwait", "manama",
    "washington", "york", "angeles", "chicago", "houston", "phoenix", "philadelphia", "dallas", "boston",
    "seattle", "miami", "atlanta", "detroit", "denver", "baltimore", "brooklyn", "manhattan", "queens",
    "bronx", "hollywood", "vegas", "orleans", "francisco", "diego", "toronto", "montreal", "vancouver",
    "ottawa", "havana", "caracas", "bogota", "lima", "quito", "santiago", "buenos", "aires", "montevideo",
    "brasilia", "rio", "janeiro", "sao", "paulo", "alabama", "alaska", "arizona", "arkansas", "california",
    "colorado", "connecticut", "delaware", "florida", "hawaii", "idaho", "illinois", "indiana", "iowa",
    "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
    "mississippi", "missouri", "montana", "nebraska", "nevada", "hampshire", "jersey", "ohio", "oklahoma",
    "oregon", "pennsylvania", "rhode", "carolina", "dakota", "tennessee", "texas", "utah", "vermont",
    "virginia", "wisconsin", "wyoming", "siberia", "scandinavia", "sahara", "sahel", "levant", "tibet",
    "xinjiang", "kashmir", "punjab", "bavaria", "catalonia", "flanders", "normandy", "brittany", "sicily",
    "sardinia", "corsica", "crete", "cyprus", "ulster", "yorkshire", "berkshire", "kent", "essex", "surrey",
    "westminster", "whitehall", "downing", "brexit", "eurozone", "middle", "far", "latin", "persian",
    "nordic",
];

/// Multi-word places and organisations checked as a whole sequence first.
pub const PLACE_PHRASES: &[&str] = &[
    "white house", "united states", "united kingdom", "united nations", "new york", "new zealand",
    "hong kong", "los angeles", "san francisco", "las vegas", "new orleans", "tel aviv", "sri lanka",
    "south africa", "north korea", "south korea", "saudi arabia", "costa rica", "el salvador", "puerto rico",
    "buenos aires", "rio de janeiro", "sao paulo", "kuala lumpur", "addis ababa", "the hague", "wall street",
    "silicon valley", "downing street", "capitol hill", "middle east", "far east", "latin america",
    "european union", "security council", "red cross", "red crescent", "world bank", "federal reserve",
    "supreme court", "champions league", "premier league", "world cup", "grand prix", "goldman sachs",
    "morgan stanley", "jp morgan", "dow jones", "st petersburg", "saint petersburg",
];

/// Nationalities and other adjectives from places ("Russian", "French").
pub const DEMONYMS: &[&str] = &[
    "american", "british", "english", "scottish", "welsh", "irish", "french", "german", "italian", "spanish",
    "portuguese", "dutch", "belgian", "swiss", "austrian", "swedish", "norwegian", "danish", "finnish",
    "icelandic", "polish", "czech", "slovak", "hungarian", "romanian", "bulgarian", "greek", "turkish",
    "russian", "ukrainian", "belarusian", "moldovan", "serbian", "croatian", "bosnian", "slovenian",
    "albanian", "macedonian", "estonian", "latvian", "lithuanian", "georgian", "armenian", "azerbaijani",
    "azeri", "kazakh", "uzbek", "chinese", "japanese", "korean", "taiwanese", "vietnamese", "thai",
    "filipino", "indonesian", "malaysian", "singaporean", "indian", "pakistani", "afghan", "bangladeshi",
    "iranian", "iraqi", "syrian", "lebanese", "israeli", "palestinian", "jordanian", "saudi", "emirati",
    "qatari", "yemeni", "egyptian", "libyan", "tunisian", "algerian", "moroccan", "sudanese", "ethiopian",
    "kenyan", "somali", "nigerian", "ghanaian", "senegalese", "congolese", "south", "african", "zimbabwean",
    "canadian", "mexican", "cuban", "brazilian", "argentine", "argentinian", "chilean", "colombian",
    "venezuelan", "peruvian", "australian", "zealander", "european", "asian", "arab", "arabic", "western",
    "eastern", "soviet", "nordic", "latino", "hispanic", "jewish", "muslim", "christian", "catholic",
    "protestant", "orthodox", "sunni", "shia", "shiite", "kurdish", "kurd", "kurds", "yankee", "anglo",
    "franco", "sino", "euro", "transatlantic", "russians", "ukrainians", "americans", "europeans",
    "israelis", "palestinians", "chinese", "democrat", "democrats", "republican", "republicans", "tory",
    "tories", "labour", "conservatives", "liberals", "kremlin", "pentagon",
];

/// Months, weekdays and other calendar words.
pub const CALENDAR: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "christmas", "easter", "ramadan", "eid",
    "hanukkah", "diwali", "thanksgiving", "today", "tomorrow", "yesterday", "tonight", "spring", "summer",
    "autumn", "winter",
];

/// Capitalised words that begin sentences and headings but are not names.
pub const COMMON: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "his", "her", "we", "they",
    "i", "you", "our", "their", "my", "your", "in", "on", "at", "by", "for", "with", "from", "to", "of",
    "as", "and", "but", "or", "nor", "so", "yet", "if", "when", "while", "after", "before", "since", "until",
    "because", "although", "though", "however", "meanwhile", "moreover", "also", "still", "then", "now",
    "there", "here", "what", "who", "why", "how", "where", "which", "all", "some", "many", "most", "more",
    "few", "both", "each", "every", "neither", "either", "no", "not", "yes", "one", "two", "three", "other",
    "another", "such", "only", "even", "just", "about", "over", "under", "into", "during", "against",
    "between", "among", "without", "within", "despite", "following", "according", "ahead", "asked",
    "speaking", "full", "recommended", "related", "read", "more", "watch", "listen", "share",
    "advertisement", "photo", "video", "live", "update", "updated", "breaking", "exclusive", "analysis",
    "opinion", "comment", "editorial", "editor", "note", "sources", "source", "officials", "police",
    "authorities", "critics", "analysts", "experts", "residents", "witnesses", "troops", "forces",
    "soldiers", "people", "government", "sir", "madam", "dear", "mr", "mrs", "ms", "dr", "please", "thanks",
    "thank", "hello", "oh", "well", "yes", "okay", "ok", "god", "allah", "lord", "jesus", "christ", "said",
    "says", "told", "new", "first", "last", "next", "earlier", "later", "once", "whether", "unlike", "like",
    "unless", "instead", "indeed", "perhaps", "overall", "finally", "separately", "elsewhere", "already",
    "again", "almost", "around", "away", "back", "down", "up", "out", "off", "through", "across", "along",
    "beyond", "above", "below", "behind", "beside", "near", "toward", "towards", "upon", "via", "per",
    "than", "too", "very", "much", "own", "same", "different", "several", "any", "will", "would", "can",
    "could", "should", "must", "may", "might", "shall", "did", "does", "do", "was", "were", "is", "are",
    "be", "been", "being", "has", "have", "had", "let", "get", "got", "make", "made", "take", "took", "see",
    "saw", "go", "went", "come", "came", "know", "think", "want", "look", "use", "find", "give", "tell",
    "work", "call", "try", "ask", "need", "feel", "become", "leave", "put", "mean", "keep", "begin", "seem",
    "help", "show", "hear", "play", "run", "move", "live", "believe", "bring", "happen", "write", "provide",
    "sit", "stand", "lose", "pay", "meet", "include", "continue", "set", "learn", "change", "lead",
    "understand", "follow", "stop", "create", "speak", "allow", "add", "spend", "grow", "open", "walk",
    "win", "offer", "remember", "love", "consider", "appear", "buy", "wait", "serve", "die", "send",
    "expect", "build", "stay", "fall", "cut", "reach", "kill", "remain", "top", "big", "high", "low", "long",
    "short", "small", "large", "good", "bad", "best", "worst", "better", "worse", "early", "late", "young",
    "free", "full", "real", "sure", "true", "false", "main", "major", "minor", "key", "total", "final",
    "former", "latest",
];

/// First names common in international news that the 1990 US census lists lack.
pub const WORLD_FIRST_NAMES: &[&str] = &[
    "vladimir", "dmitry", "dmitri", "volodymyr", "sergei", "sergey", "serhiy", "oleksandr", "oleksiy",
    "olena", "yulia", "alexei", "alexey", "andriy", "andrii", "mykola", "mykhailo", "petro", "yevgeny",
    "yevgeniy", "mikhail", "nikolai", "nikolay", "igor", "ihor", "anatoly", "vitali", "vitaliy", "valery",
    "valeriy", "yuri", "yuriy", "arseniy", "denys", "dmytro", "kyrylo", "ruslan", "rustem", "ramzan",
    "maria", "svetlana", "tatiana", "oksana", "iryna", "olga", "natalia", "yelena", "ekaterina", "anastasia",
    "friedrich", "olaf", "wolfgang", "jurgen", "jürgen", "horst", "annalena", "ursula", "kaja", "josep",
    "pedro", "jair", "luiz", "inácio", "inacio", "javier", "andrés", "andres", "gustavo", "nicolás",
    "nicolas", "giorgia", "matteo", "mario", "sergio", "giuseppe", "silvio", "enrico", "francesco", "jens",
    "mette", "ulf", "magnus", "sauli", "alexander", "keir", "rishi", "boris", "theresa", "jacinda",
    "narendra", "rahul", "sonia", "indira", "imran", "nawaz", "shehbaz", "recep", "tayyip", "binyamin",
    "benjamin", "yair", "naftali", "isaac", "yitzhak", "ehud", "mahmoud", "mohammed", "mohammad", "muhammad",
    "mohamed", "ahmed", "ahmad", "ali", "hassan", "hasan", "hussein", "abdullah", "abdel", "abdul", "fatah",
    "fattah", "bashar", "hafez", "saddam", "osama", "ayman", "yahya", "ismail", "khaled", "khalid", "omar",
    "umar", "fatima", "aisha", "salman", "mohammed", "tamim", "recep", "ebrahim", "hassan", "masoud",
    "javad", "abbas", "xi", "li", "wang", "zhang", "liu", "chen", "yang", "zhou", "hu", "wen", "deng", "mao",
    "jinping", "keqiang", "shinzo", "fumio", "shigeru", "yoshihide", "kishida", "yoon", "suk", "yeol", "jae",
    "kim", "jong", "moon", "park", "lee", "tsai", "ing", "lai", "ching", "thaksin", "paetongtarn", "prabowo",
    "joko", "ferdinand", "rodrigo", "cyril", "jacob", "thabo", "nelson", "kofi", "abiy", "uhuru", "william",
    "bola", "muhammadu", "goodluck", "olusegun", "paul", "emmerson", "yoweri", "ellen", "ngozi",
    "chimamanda", "wole", "jean", "jean-claude", "jean-luc", "jean-marie", "jean-yves", "jean-pierre",
    "jean-paul", "françois", "francois", "édouard", "edouard", "gérald", "gerald", "ségolène", "marine",
    "éric", "eric", "gabriel", "élisabeth", "michel", "nicolas", "jacques", "lionel", "dominique", "thierry",
    "zinedine", "kylian", "antoine", "olivier", "hervé", "pierre", "rené", "yves", "andrzej", "donald",
    "mateusz", "jarosław", "jaroslaw", "viktor", "péter", "peter", "aleksandar", "milorad", "zoran", "kiril",
    "rumen", "klaus", "lars", "jonas", "rafael", "novak", "roger", "serena", "venus", "lionel", "cristiano",
    "neymar", "erling", "mohamed", "sadio", "virgil", "luka", "kylian", "vinícius", "vinicius", "lamine",
    "jude", "bukayo", "phil", "harry", "wayne", "zlatan",
];

/// First words that make a whole capitalised run a thing ("Hurricane Milton", "Mount Kenya").
pub const THING_PREFIXES: &[&str] = &[
    "hurricane", "storm", "typhoon", "cyclone", "tropical", "operation", "project", "mount", "mt", "lake",
    "cape", "fort", "port", "camp", "plateau", "col", "mont", "pic", "lac", "rue", "via", "air", "radio",
    "bank", "club", "royal", "national", "federal", "international", "global", "university", "college",
    "san", "santa", "st", "formula", "los", "las", "fc",
];

/// Lower-case nouns after a name that make it a person's ("the Trump administration").
pub const PERSON_NOUNS: &[&str] = &[
    "administration", "presidency", "campaign", "family", "era", "camp", "aides", "aide", "allies",
    "supporters", "loyalists", "cabinet", "regime", "government", "doctrine", "years", "estate", "biography",
    "memoir", "himself", "herself", "son-in-law", "envoy", "spokesman", "spokeswoman", "lawyer", "lawyers",
    "wife", "husband", "son", "daughter", "brother", "sister",
];

/// Organisations named by one word.
pub const ORGS: &[&str] = &[
    "kremlin", "pentagon", "nato", "un", "eu", "opec", "imf", "who", "wto", "fbi", "cia", "nsa", "reuters",
    "bloomberg", "afp", "ap", "bbc", "cnn", "hamas", "hezbollah", "taliban", "interfax", "tass", "xinhua",
    "congress", "senate", "parliament", "knesset", "duma", "bundestag", "vatican", "gazprom", "rosneft",
    "google", "apple", "microsoft", "amazon", "meta", "tesla", "nvidia", "openai", "anthropic", "boeing",
    "airbus", "nasa", "interpol", "europol", "unicef", "unesco",
];

/// Names written several ways, mapped to one form.
pub const ALIASES: &[(&str, &str)] = &[
    ("us", "united states"),
    ("u.s", "united states"),
    ("usa", "united states"),
    ("u.s.a", "united states"),
    ("america", "united states"),
    ("uk", "united kingdom"),
    ("u.k", "united kingdom"),
    ("britain", "united kingdom"),
    ("un", "united nations"),
    ("u.n", "united nations"),
    ("eu", "european union"),
    ("kiev", "kyiv"),
    ("burma", "myanmar"),
    ("holland", "netherlands"),
    ("türkiye", "turkey"),
];

/// Words of [`PLACES`] that name a place only inside a longer name ("Hong Kong", "Far East").
pub const FRAGMENTS: &[&str] = &[
    "middle", "far", "latin", "persian", "nordic", "tel", "aviv", "hong", "kong", "kuala", "lumpur", "addis",
    "ababa", "buenos", "aires", "sao", "paulo", "rio", "janeiro", "york", "angeles", "vegas", "orleans",
    "francisco", "diego", "sierra", "leone", "burkina", "faso", "rhode", "hampshire", "jersey", "carolina",
    "dakota", "petersburg", "trinidad", "tobago", "herzegovina", "nice", "kent", "reading",
];
