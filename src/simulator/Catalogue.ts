// The simulated world's real-name catalogue: countries, their leagues and clubs, with the naming facts
// bookmakers vary on (official affixes, alternative and exonym forms, nicknames and sponsor forms, the
// own names of women's and B sides). Data only: the rules that render names live in Naming.ts.
// Clubs are listed strongest first inside each senior league; strength is derived from that order.

export type SideKind = "senior" | "women" | "u21" | "u23" | "reserve"

export interface ClubSpec {
  /** Canonical common name, as a neutral source prints it. */
  readonly name: string
  /** Official affix missing from `name`, shown by bookmakers that add affixes ("Arsenal" + "FC"). */
  readonly affix?: string
  readonly affixFirst?: boolean
  /** Never drop affix tokens: without them the name is a bare city or ambiguous ("Paris FC", "Los Angeles FC"). */
  readonly keepAffix?: boolean
  /** Other forms in common use: exonyms, short forms, long official forms. */
  readonly alt?: ReadonlyArray<string>
  /** Nicknames and sponsor forms: used for a small share of listings only. */
  readonly nick?: ReadonlyArray<string>
  /** The club's own name for its women's / B side when it is not "name + marker". */
  readonly women?: string
  readonly reserve?: string
  /** A women-only club: its one side is its women's side, named `name` without a marker. */
  readonly womenOnly?: boolean
}

export interface LeagueSpec {
  readonly name: string
  readonly kind: SideKind
  /** For a senior league, the clubs; for other kinds, the clubs whose side of that kind plays here. */
  readonly clubs: ReadonlyArray<string>
  /** Senior sides that play in a reserve league (lower-division clubs next to B sides). */
  readonly seniors?: ReadonlyArray<string>
}

export interface CountrySpec {
  readonly country: string
  /** How a neutral source marks a side of a club from this country. */
  readonly markers: { readonly women: string; readonly reserve: string; readonly reservePrefix?: boolean }
  readonly clubs: ReadonlyArray<ClubSpec>
  readonly leagues: ReadonlyArray<LeagueSpec>
}

const c = (name: string, extra: Omit<ClubSpec, "name"> = {}): ClubSpec => ({ name, ...extra })
const fc = (name: string, extra: Omit<ClubSpec, "name"> = {}): ClubSpec => ({ name, affix: "FC", ...extra })

const england: CountrySpec = {
  country: "England",
  markers: { women: "Women", reserve: "U21" },
  clubs: [
    fc("Arsenal"), fc("Liverpool"), fc("Manchester City"), fc("Chelsea"),
    fc("Manchester United", { alt: ["Man United"] }),
    fc("Tottenham Hotspur", { alt: ["Tottenham"], nick: ["Spurs"] }),
    fc("Newcastle United", { alt: ["Newcastle"] }), fc("Aston Villa"),
    fc("Brighton & Hove Albion", { alt: ["Brighton"] }),
    fc("West Ham United", { alt: ["West Ham"] }), fc("Crystal Palace"), fc("Brentford"), fc("Fulham"),
    c("Bournemouth", { affix: "AFC", affixFirst: true }), fc("Everton"),
    fc("Nottingham Forest", { alt: ["Nott'm Forest"] }),
    fc("Wolverhampton Wanderers", { alt: ["Wolves"] }),
    fc("Leicester City", { alt: ["Leicester"] }), fc("Ipswich Town", { alt: ["Ipswich"] }), fc("Southampton"),
    fc("Leeds United", { alt: ["Leeds"] }), fc("Burnley"), fc("Sheffield United"),
    c("Sunderland", { affix: "AFC" }), fc("Middlesbrough", { nick: ["Boro"] }),
    fc("West Bromwich Albion", { alt: ["West Brom"] }), fc("Norwich City", { alt: ["Norwich"] }),
    fc("Coventry City", { alt: ["Coventry"] }), fc("Watford"), fc("Bristol City"), fc("Hull City", { alt: ["Hull"] }),
    fc("Stoke City", { alt: ["Stoke"] }), fc("Sheffield Wednesday"),
    c("Swansea City", { affix: "AFC", alt: ["Swansea"] }), fc("Cardiff City", { alt: ["Cardiff"] }),
    fc("Queens Park Rangers", { alt: ["QPR"] }), fc("Blackburn Rovers", { alt: ["Blackburn"] }),
    fc("Preston North End", { alt: ["Preston"] }), fc("Millwall"), fc("Luton Town", { alt: ["Luton"] }),
    fc("Derby County", { alt: ["Derby"] }), fc("Portsmouth"), fc("Plymouth Argyle", { alt: ["Plymouth"] }),
    fc("Oxford United")
  ],
  leagues: [
    {
      name: "Premier League", kind: "senior",
      clubs: ["Arsenal", "Liverpool", "Manchester City", "Chelsea", "Manchester United", "Tottenham Hotspur",
        "Newcastle United", "Aston Villa", "Brighton & Hove Albion", "West Ham United", "Crystal Palace",
        "Brentford", "Fulham", "Bournemouth", "Everton", "Nottingham Forest", "Wolverhampton Wanderers",
        "Leicester City", "Ipswich Town", "Southampton"]
    },
    {
      name: "Championship", kind: "senior",
      clubs: ["Leeds United", "Burnley", "Sheffield United", "Sunderland", "Middlesbrough", "West Bromwich Albion",
        "Norwich City", "Coventry City", "Watford", "Bristol City", "Hull City", "Stoke City", "Sheffield Wednesday",
        "Swansea City", "Cardiff City", "Queens Park Rangers", "Blackburn Rovers", "Preston North End", "Millwall",
        "Luton Town", "Derby County", "Portsmouth", "Plymouth Argyle", "Oxford United"]
    },
    {
      name: "Women's Super League", kind: "women",
      clubs: ["Chelsea", "Arsenal", "Manchester City", "Manchester United", "Liverpool", "Tottenham Hotspur",
        "Aston Villa", "Everton", "Brighton & Hove Albion", "West Ham United", "Leicester City", "Crystal Palace"]
    },
    {
      name: "Premier League 2", kind: "u21",
      clubs: ["Arsenal", "Chelsea", "Manchester City", "Manchester United", "Liverpool", "Tottenham Hotspur",
        "Everton", "Brighton & Hove Albion", "West Ham United", "Leicester City", "Southampton",
        "Wolverhampton Wanderers", "Leeds United", "Fulham", "Aston Villa", "Newcastle United"]
    }
  ]
}

const scotland: CountrySpec = {
  country: "Scotland",
  markers: { women: "Women", reserve: "B" },
  clubs: [
    fc("Celtic"), fc("Rangers"), fc("Heart of Midlothian", { alt: ["Hearts"] }), fc("Hibernian", { alt: ["Hibs"] }),
    fc("Aberdeen"), fc("Dundee"), fc("Dundee United"), fc("Motherwell"), fc("Kilmarnock"),
    fc("St Mirren", { alt: ["Saint Mirren"] }), fc("St Johnstone", { alt: ["Saint Johnstone"] }), fc("Ross County"),
    fc("Falkirk"), fc("Livingston"), fc("Partick Thistle", { alt: ["Partick"] }), fc("Raith Rovers"),
    fc("Dunfermline Athletic", { alt: ["Dunfermline"] }), fc("Greenock Morton", { alt: ["Morton"] }),
    fc("Queen's Park"), fc("Ayr United"), fc("Airdrieonians"), fc("Hamilton Academical", { alt: ["Hamilton"] }),
    c("Glasgow City", { womenOnly: true, keepAffix: true })
  ],
  leagues: [
    {
      name: "Premiership", kind: "senior",
      clubs: ["Celtic", "Rangers", "Heart of Midlothian", "Hibernian", "Aberdeen", "Dundee United", "Motherwell",
        "Kilmarnock", "St Mirren", "Dundee", "St Johnstone", "Ross County"]
    },
    {
      name: "Scottish Championship", kind: "senior",
      clubs: ["Falkirk", "Livingston", "Partick Thistle", "Raith Rovers", "Dunfermline Athletic", "Greenock Morton",
        "Queen's Park", "Ayr United", "Airdrieonians", "Hamilton Academical"]
    },
    {
      name: "SWPL 1", kind: "women",
      clubs: ["Glasgow City", "Celtic", "Rangers", "Hibernian", "Heart of Midlothian", "Aberdeen", "Motherwell", "Dundee United"]
    }
  ]
}

const spain: CountrySpec = {
  country: "Spain",
  markers: { women: "Femenino", reserve: "B" },
  clubs: [
    c("Real Madrid", { affix: "CF", reserve: "Real Madrid Castilla" }),
    c("Barcelona", { affix: "FC", affixFirst: true, nick: ["Barça"], reserve: "Barcelona Atlètic", women: "Barcelona Femení" }),
    c("Atlético Madrid", { alt: ["Atlético de Madrid"] }),
    c("Athletic Club", { alt: ["Athletic Bilbao"], reserve: "Bilbao Athletic" }),
    c("Real Sociedad"), c("Villarreal", { affix: "CF" }), c("Real Betis", { alt: ["Betis"] }),
    c("Girona", { affix: "FC" }), c("Valencia", { affix: "CF", reserve: "Valencia Mestalla" }),
    c("Sevilla", { affix: "FC", reserve: "Sevilla Atlético" }),
    c("Celta Vigo", { alt: ["Celta de Vigo", "RC Celta"], reserve: "Celta Fortuna" }),
    c("Osasuna", { affix: "CA", affixFirst: true }), c("Getafe", { affix: "CF" }), c("Rayo Vallecano"),
    c("RCD Mallorca", { alt: ["Mallorca"] }), c("Deportivo Alavés", { alt: ["Alavés"] }),
    c("Las Palmas", { affix: "UD", affixFirst: true }), c("Espanyol", { affix: "RCD", affixFirst: true }),
    c("Leganés", { affix: "CD", affixFirst: true }), c("Real Valladolid", { alt: ["Valladolid"] }),
    c("Sporting Gijón", { alt: ["Sporting de Gijón", "Real Sporting"] }),
    c("Racing Santander", { alt: ["Racing de Santander"] }),
    c("Deportivo La Coruña", { alt: ["Deportivo"] }), c("Real Zaragoza", { alt: ["Zaragoza"] }),
    c("Levante", { affix: "UD" }), c("Elche", { affix: "CF" }), c("Granada", { affix: "CF" }), c("Cádiz", { affix: "CF" }),
    c("Almería", { affix: "UD", affixFirst: true }), c("Eibar", { affix: "SD", affixFirst: true }),
    c("Tenerife", { affix: "CD", affixFirst: true }), c("Málaga", { affix: "CF" }),
    c("Huesca", { affix: "SD", affixFirst: true }), c("Real Oviedo"), c("Burgos", { affix: "CF" }), c("Albacete"),
    c("Ponferradina", { affix: "SD", affixFirst: true }), c("Cultural Leonesa"), c("Real Unión"),
    c("Gimnàstic de Tarragona", { alt: ["Nàstic"] }), c("Alcorcón", { affix: "AD", affixFirst: true }),
    c("Lugo", { affix: "CD", affixFirst: true }), c("Real Murcia"), c("Hércules", { affix: "CF" }),
    c("Madrid CFF", { womenOnly: true, keepAffix: true })
  ],
  leagues: [
    {
      name: "La Liga", kind: "senior",
      clubs: ["Real Madrid", "Barcelona", "Atlético Madrid", "Athletic Club", "Real Sociedad", "Villarreal",
        "Real Betis", "Girona", "Valencia", "Sevilla", "Celta Vigo", "Osasuna", "Getafe", "Rayo Vallecano",
        "RCD Mallorca", "Deportivo Alavés", "Las Palmas", "Espanyol", "Leganés", "Real Valladolid"]
    },
    {
      name: "Segunda División", kind: "senior",
      clubs: ["Levante", "Elche", "Granada", "Cádiz", "Almería", "Sporting Gijón", "Racing Santander",
        "Deportivo La Coruña", "Real Zaragoza", "Eibar", "Tenerife", "Málaga", "Huesca", "Real Oviedo", "Burgos", "Albacete"]
    },
    {
      name: "Liga F", kind: "women",
      clubs: ["Barcelona", "Real Madrid", "Atlético Madrid", "Real Sociedad", "Levante", "Athletic Club",
        "Sevilla", "Valencia", "Granada", "Madrid CFF"]
    },
    {
      name: "Primera Federación", kind: "reserve",
      clubs: ["Real Madrid", "Barcelona", "Atlético Madrid", "Athletic Club", "Sevilla", "Villarreal", "Celta Vigo",
        "Real Sociedad", "Valencia"],
      seniors: ["Ponferradina", "Cultural Leonesa", "Real Unión", "Gimnàstic de Tarragona", "Alcorcón", "Lugo",
        "Real Murcia", "Hércules"]
    }
  ]
}

const italy: CountrySpec = {
  country: "Italy",
  markers: { women: "Women", reserve: "U23" },
  clubs: [
    c("Inter", { alt: ["Inter Milan", "Internazionale"] }),
    c("Napoli", { affix: "SSC", affixFirst: true }),
    c("Juventus", { affix: "FC", nick: ["Juve"], reserve: "Juventus Next Gen" }),
    c("Atalanta", { alt: ["Atalanta BC"] }),
    c("AC Milan", { alt: ["Milan"], reserve: "Milan Futuro" }), c("AS Roma", { alt: ["Roma"] }),
    c("SS Lazio", { alt: ["Lazio"] }), c("Fiorentina", { affix: "ACF", affixFirst: true }),
    c("Bologna", { affix: "FC" }), c("Torino", { affix: "FC" }), c("Udinese"), c("Genoa", { affix: "CFC" }),
    c("Como", { affix: "1907" }), c("Hellas Verona", { alt: ["Verona"] }), c("Cagliari"),
    c("Lecce", { affix: "US", affixFirst: true }), c("Parma"), c("Empoli", { affix: "FC" }),
    c("Monza", { affix: "AC", affixFirst: true }), c("Venezia", { affix: "FC" }),
    c("Sampdoria", { affix: "UC", affixFirst: true }), c("Palermo"), c("Sassuolo", { affix: "US", affixFirst: true }),
    c("Cremonese", { affix: "US", affixFirst: true }), c("Bari", { affix: "SSC", affixFirst: true }), c("Spezia"),
    c("Pisa"), c("Cesena"), c("Frosinone"), c("Brescia"), c("Modena"), c("Salernitana"),
    c("Vicenza", { affix: "LR", affixFirst: true }), c("Triestina"), c("Padova", { affix: "Calcio" }), c("Ternana"),
    c("Perugia"), c("Catania"), c("Avellino"), c("Benevento")
  ],
  leagues: [
    {
      name: "Serie A", kind: "senior",
      clubs: ["Inter", "Napoli", "Juventus", "Atalanta", "AC Milan", "AS Roma", "SS Lazio", "Fiorentina", "Bologna",
        "Torino", "Udinese", "Genoa", "Como", "Hellas Verona", "Cagliari", "Lecce", "Parma", "Empoli", "Monza", "Venezia"]
    },
    {
      name: "Serie B", kind: "senior",
      clubs: ["Sampdoria", "Palermo", "Sassuolo", "Cremonese", "Bari", "Spezia", "Pisa", "Cesena", "Frosinone",
        "Brescia", "Modena", "Salernitana"]
    },
    {
      name: "Serie A Femminile", kind: "women",
      clubs: ["Juventus", "AS Roma", "Inter", "AC Milan", "Fiorentina", "Sassuolo", "SS Lazio", "Como"]
    },
    {
      name: "Serie C", kind: "reserve",
      clubs: ["Juventus", "Atalanta", "AC Milan"],
      seniors: ["Vicenza", "Triestina", "Padova", "Ternana", "Perugia", "Catania", "Avellino", "Benevento"]
    }
  ]
}

const germany: CountrySpec = {
  country: "Germany",
  markers: { women: "Frauen", reserve: "II" },
  clubs: [
    c("Bayern München", { affix: "FC", affixFirst: true, alt: ["Bayern Munich", "Bayern"] }),
    c("Bayer Leverkusen", { alt: ["Leverkusen", "Bayer 04 Leverkusen"] }),
    c("Borussia Dortmund", { alt: ["Dortmund"], nick: ["BVB"] }),
    c("RB Leipzig", { nick: ["RasenBallsport Leipzig"] }), c("VfB Stuttgart"), c("Eintracht Frankfurt"),
    c("SC Freiburg"), c("VfL Wolfsburg"), c("Borussia Mönchengladbach", { nick: ["Gladbach"] }),
    c("Union Berlin", { affix: "1. FC", affixFirst: true }), c("Werder Bremen", { affix: "SV", affixFirst: true }),
    c("TSG Hoffenheim", { alt: ["1899 Hoffenheim"] }), c("Mainz 05", { affix: "1. FSV", affixFirst: true }),
    c("FC Augsburg"), c("1. FC Heidenheim"), c("FC St. Pauli"), c("Holstein Kiel"), c("VfL Bochum"),
    c("1. FC Köln", { alt: ["FC Cologne"] }), c("Hamburger SV", { alt: ["Hamburg"], keepAffix: true }),
    c("Hertha BSC", { alt: ["Hertha Berlin"] }), c("Schalke 04", { affix: "FC", affixFirst: true }),
    c("Fortuna Düsseldorf"), c("Hannover 96"), c("1. FC Nürnberg"), c("1. FC Kaiserslautern"), c("Karlsruher SC", { keepAffix: true }),
    c("SC Paderborn 07"), c("Darmstadt 98", { affix: "SV", affixFirst: true }),
    c("Greuther Fürth", { affix: "SpVgg", affixFirst: true }), c("Eintracht Braunschweig"),
    c("Hansa Rostock", { affix: "F.C.", affixFirst: true }), c("Arminia Bielefeld", { affix: "DSC", affixFirst: true }),
    c("Dynamo Dresden", { affix: "SG", affixFirst: true }),
    c("TSV 1860 München", { alt: ["1860 München", "1860 Munich"] }),
    c("Waldhof Mannheim", { affix: "SV", affixFirst: true }), c("Rot-Weiss Essen"),
    c("Energie Cottbus", { affix: "FC", affixFirst: true }), c("Alemannia Aachen"), c("SSV Ulm 1846"),
    c("Viktoria Köln", { affix: "FC", affixFirst: true }), c("Erzgebirge Aue", { affix: "FC", affixFirst: true }),
    c("SGS Essen", { womenOnly: true, keepAffix: true })
  ],
  leagues: [
    {
      name: "Bundesliga", kind: "senior",
      clubs: ["Bayern München", "Bayer Leverkusen", "Borussia Dortmund", "RB Leipzig", "VfB Stuttgart",
        "Eintracht Frankfurt", "SC Freiburg", "VfL Wolfsburg", "Borussia Mönchengladbach", "Union Berlin",
        "Werder Bremen", "TSG Hoffenheim", "Mainz 05", "FC Augsburg", "1. FC Heidenheim", "FC St. Pauli",
        "Holstein Kiel", "VfL Bochum"]
    },
    {
      name: "2. Bundesliga", kind: "senior",
      clubs: ["1. FC Köln", "Hamburger SV", "Hertha BSC", "Schalke 04", "Fortuna Düsseldorf", "Hannover 96",
        "1. FC Nürnberg", "1. FC Kaiserslautern", "Karlsruher SC", "SC Paderborn 07", "Darmstadt 98",
        "Greuther Fürth", "Eintracht Braunschweig", "Hansa Rostock", "Arminia Bielefeld", "Dynamo Dresden"]
    },
    {
      name: "Frauen-Bundesliga", kind: "women",
      clubs: ["VfL Wolfsburg", "Bayern München", "Eintracht Frankfurt", "TSG Hoffenheim", "Bayer Leverkusen",
        "SC Freiburg", "Werder Bremen", "1. FC Köln", "RB Leipzig", "SGS Essen"]
    },
    {
      name: "3. Liga", kind: "reserve",
      clubs: ["Bayern München", "Borussia Dortmund", "VfB Stuttgart", "TSG Hoffenheim", "SC Freiburg"],
      seniors: ["TSV 1860 München", "Waldhof Mannheim", "Rot-Weiss Essen", "Energie Cottbus", "Alemannia Aachen",
        "SSV Ulm 1846", "Viktoria Köln", "Erzgebirge Aue"]
    }
  ]
}

const france: CountrySpec = {
  country: "France",
  markers: { women: "Féminines", reserve: "B" },
  clubs: [
    c("Paris Saint-Germain", { alt: ["Paris SG", "PSG", "Paris St Germain"] }),
    c("Olympique Marseille", { alt: ["Marseille", "Olympique de Marseille"], nick: ["OM"] }),
    c("AS Monaco", { alt: ["Monaco"] }), c("LOSC Lille", { alt: ["Lille"] }),
    c("Olympique Lyonnais", { alt: ["Lyon", "Olympique Lyon"] }), c("OGC Nice", { alt: ["Nice"] }),
    c("RC Lens", { alt: ["Lens"] }), c("Stade Rennais", { alt: ["Rennes"] }),
    c("Stade Brestois", { alt: ["Brest"] }), c("RC Strasbourg", { alt: ["Strasbourg"] }),
    c("Toulouse", { affix: "FC" }), c("Nantes", { affix: "FC", affixFirst: true }),
    c("Montpellier", { affix: "HSC" }), c("Stade de Reims", { alt: ["Reims"] }),
    c("AJ Auxerre", { alt: ["Auxerre"] }), c("Angers", { affix: "SCO" }),
    c("Le Havre", { affix: "AC", keepAffix: true }), c("AS Saint-Étienne", { alt: ["Saint-Étienne", "St Etienne"] }),
    c("Paris FC", { keepAffix: true }), c("FC Metz", { alt: ["Metz"] }), c("FC Lorient", { alt: ["Lorient"] }),
    c("SC Bastia", { alt: ["Bastia"] }), c("Guingamp", { affix: "EA", affixFirst: true }),
    c("Caen", { affix: "SM", affixFirst: true }), c("Grenoble", { affix: "Foot 38" }),
    c("Amiens", { affix: "SC" }), c("Red Star", { affix: "FC" }),
    c("Fleury 91", { womenOnly: true, keepAffix: true })
  ],
  leagues: [
    {
      name: "Ligue 1", kind: "senior",
      clubs: ["Paris Saint-Germain", "Olympique Marseille", "AS Monaco", "LOSC Lille", "Olympique Lyonnais", "OGC Nice",
        "RC Lens", "Stade Rennais", "Stade Brestois", "RC Strasbourg", "Toulouse", "Nantes", "Montpellier",
        "Stade de Reims", "AJ Auxerre", "Angers", "Le Havre", "AS Saint-Étienne"]
    },
    {
      name: "Ligue 2", kind: "senior",
      clubs: ["Paris FC", "FC Metz", "FC Lorient", "SC Bastia", "Guingamp", "Caen", "Grenoble", "Amiens", "Red Star"]
    },
    {
      name: "Première Ligue", kind: "women",
      clubs: ["Olympique Lyonnais", "Paris Saint-Germain", "Paris FC", "Montpellier", "Fleury 91", "Le Havre", "Stade de Reims", "Guingamp"]
    }
  ]
}

const portugal: CountrySpec = {
  country: "Portugal",
  markers: { women: "Feminino", reserve: "B" },
  clubs: [
    c("Benfica", { affix: "SL", affixFirst: true }), c("FC Porto", { alt: ["Porto"] }),
    c("Sporting CP", { alt: ["Sporting Lisbon", "Sporting Clube de Portugal"] }),
    c("SC Braga", { alt: ["Braga", "Sporting Braga"] }),
    c("Vitória Guimarães", { alt: ["Vitória SC", "Guimarães"] }), c("Famalicão", { affix: "FC" }),
    c("Gil Vicente"), c("Moreirense"), c("Rio Ave"), c("Arouca", { affix: "FC" }), c("Casa Pia"),
    c("Estoril", { alt: ["Estoril Praia"] }), c("Estrela Amadora"), c("Santa Clara"), c("Boavista"),
    c("Nacional", { alt: ["CD Nacional"], keepAffix: true }), c("AVS"), c("Farense", { affix: "SC" }),
    c("Marítimo", { affix: "CS" }), c("Tondela", { affix: "CD" }), c("Académico Viseu"), c("Leixões"), c("Penafiel"),
    c("Feirense", { affix: "CD" }), c("Chaves", { affix: "GD" }), c("Vizela", { affix: "FC" }), c("Portimonense"),
    c("Vitória Setúbal"), c("Torreense", { affix: "SCU" })
  ],
  leagues: [
    {
      name: "Primeira Liga", kind: "senior",
      clubs: ["Sporting CP", "Benfica", "FC Porto", "SC Braga", "Vitória Guimarães", "Famalicão", "Gil Vicente",
        "Moreirense", "Rio Ave", "Arouca", "Casa Pia", "Estoril", "Estrela Amadora", "Santa Clara", "Boavista",
        "Nacional", "AVS", "Farense"]
    },
    {
      name: "Liga Portugal 2", kind: "reserve",
      clubs: ["Benfica", "FC Porto", "Sporting CP"],
      seniors: ["Marítimo", "Tondela", "Académico Viseu", "Leixões", "Penafiel", "Feirense", "Chaves", "Vizela",
        "Portimonense", "Vitória Setúbal", "Torreense"]
    },
    {
      name: "Liga Revelação", kind: "u23",
      clubs: ["Benfica", "Sporting CP", "FC Porto", "SC Braga", "Vitória Guimarães", "Estoril", "Famalicão", "Rio Ave"]
    },
    { name: "Campeonato Nacional Feminino", kind: "women", clubs: ["Benfica", "Sporting CP", "SC Braga", "FC Porto", "Torreense", "Famalicão"] }
  ]
}

const netherlands: CountrySpec = {
  country: "Netherlands",
  markers: { women: "Vrouwen", reserve: "Jong", reservePrefix: true },
  clubs: [
    c("PSV", { alt: ["PSV Eindhoven"] }), c("Ajax", { affix: "AFC", affixFirst: true, alt: ["Ajax Amsterdam"] }),
    c("Feyenoord"), c("AZ Alkmaar", { alt: ["AZ"] }), c("FC Twente", { alt: ["Twente"] }),
    c("FC Utrecht", { alt: ["Utrecht"] }), c("Go Ahead Eagles"), c("NEC Nijmegen", { alt: ["NEC"] }),
    c("SC Heerenveen", { alt: ["Heerenveen"] }), c("Sparta Rotterdam"), c("FC Groningen", { alt: ["Groningen"] }),
    c("Fortuna Sittard"), c("PEC Zwolle"), c("Heracles Almelo"), c("NAC Breda"), c("Willem II"),
    c("RKC Waalwijk"), c("Almere City"), c("FC Volendam", { alt: ["Volendam"] }), c("Excelsior"),
    c("ADO Den Haag"), c("Roda JC"), c("De Graafschap"), c("Vitesse"), c("FC Emmen", { alt: ["Emmen"] }),
    c("Cambuur", { affix: "SC", affixFirst: true })
  ],
  leagues: [
    {
      name: "Eredivisie", kind: "senior",
      clubs: ["PSV", "Ajax", "Feyenoord", "AZ Alkmaar", "FC Twente", "FC Utrecht", "Go Ahead Eagles", "NEC Nijmegen",
        "SC Heerenveen", "Sparta Rotterdam", "FC Groningen", "Fortuna Sittard", "PEC Zwolle", "Heracles Almelo",
        "NAC Breda", "Willem II", "RKC Waalwijk", "Almere City"]
    },
    {
      name: "Eerste Divisie", kind: "reserve",
      clubs: ["Ajax", "PSV", "AZ Alkmaar", "FC Utrecht"],
      seniors: ["FC Volendam", "Excelsior", "ADO Den Haag", "Roda JC", "De Graafschap", "Vitesse", "FC Emmen", "Cambuur"]
    },
    { name: "Vrouwen Eredivisie", kind: "women", clubs: ["Ajax", "PSV", "FC Twente", "Feyenoord", "FC Utrecht", "AZ Alkmaar"] }
  ]
}

const usa: CountrySpec = {
  country: "USA",
  markers: { women: "Women", reserve: "II" },
  clubs: [
    c("Inter Miami CF", { alt: ["Inter Miami"] }), c("LA Galaxy", { alt: ["Los Angeles Galaxy"] }),
    c("Los Angeles FC", { alt: ["LAFC"], keepAffix: true }),
    c("New York City FC", { keepAffix: true, nick: ["NYCFC"] }), c("New York Red Bulls", { alt: ["NY Red Bulls"] }),
    c("Atlanta United", { affix: "FC", reserve: "Atlanta United 2" }), c("Seattle Sounders", { affix: "FC" }),
    c("Portland Timbers"), c("Columbus Crew"), c("Philadelphia Union"), c("FC Cincinnati"),
    c("Orlando City", { affix: "SC", reserve: "Orlando City B" }), c("Nashville SC", { keepAffix: true }),
    c("Austin FC", { keepAffix: true }), c("Real Salt Lake"), c("Sporting Kansas City", { alt: ["Sporting KC"] }),
    c("Houston Dynamo", { affix: "FC" }), c("FC Dallas", { keepAffix: true }), c("Minnesota United", { affix: "FC" }),
    c("New England Revolution"), c("Chicago Fire", { affix: "FC" }), c("Toronto FC", { keepAffix: true }),
    c("CF Montréal", { keepAffix: true }), c("Vancouver Whitecaps", { affix: "FC" }),
    c("St. Louis City SC", { alt: ["St Louis City"] }), c("Charlotte FC", { keepAffix: true }), c("D.C. United", { alt: ["DC United"] }),
    c("San Jose Earthquakes"), c("Colorado Rapids"),
    c("Portland Thorns", { affix: "FC", womenOnly: true }), c("Orlando Pride", { womenOnly: true }),
    c("North Carolina Courage", { alt: ["NC Courage"], womenOnly: true }), c("Washington Spirit", { womenOnly: true }),
    c("San Diego Wave", { affix: "FC", womenOnly: true }), c("Kansas City Current", { womenOnly: true }),
    c("Gotham FC", { alt: ["NJ/NY Gotham FC"], womenOnly: true, keepAffix: true }), c("Chicago Stars", { affix: "FC", womenOnly: true }),
    c("Seattle Reign", { affix: "FC", womenOnly: true }), c("Houston Dash", { womenOnly: true }),
    c("Angel City", { affix: "FC", womenOnly: true }), c("Racing Louisville", { affix: "FC", womenOnly: true }),
    c("Utah Royals", { affix: "FC", womenOnly: true }), c("Bay FC", { womenOnly: true, keepAffix: true }),
    c("Carolina Core", { affix: "FC" }), c("Chattanooga", { affix: "FC" })
  ],
  leagues: [
    {
      name: "MLS", kind: "senior",
      clubs: ["Inter Miami CF", "LA Galaxy", "Los Angeles FC", "Columbus Crew", "FC Cincinnati", "Philadelphia Union",
        "Seattle Sounders", "Real Salt Lake", "New York Red Bulls", "New York City FC", "Atlanta United", "Orlando City",
        "Nashville SC", "Vancouver Whitecaps", "Portland Timbers", "Minnesota United", "Houston Dynamo", "FC Dallas",
        "Charlotte FC", "Austin FC", "New England Revolution", "Sporting Kansas City", "Chicago Fire", "Toronto FC",
        "CF Montréal", "St. Louis City SC", "D.C. United", "San Jose Earthquakes", "Colorado Rapids"]
    },
    {
      name: "NWSL", kind: "women",
      clubs: ["Orlando Pride", "Washington Spirit", "Kansas City Current", "Gotham FC", "Portland Thorns",
        "North Carolina Courage", "San Diego Wave", "Chicago Stars", "Seattle Reign", "Houston Dash", "Angel City",
        "Racing Louisville", "Utah Royals", "Bay FC"]
    },
    {
      name: "MLS Next Pro", kind: "reserve",
      clubs: ["Inter Miami CF", "New York Red Bulls", "LA Galaxy", "Philadelphia Union", "Atlanta United", "Orlando City",
        "Columbus Crew", "FC Cincinnati"],
      seniors: ["Carolina Core", "Chattanooga"]
    }
  ]
}

const turkey: CountrySpec = {
  country: "Turkey",
  markers: { women: "Kadın", reserve: "B" },
  clubs: [
    c("Galatasaray", { affix: "SK" }), c("Fenerbahçe", { affix: "SK" }), c("Beşiktaş", { affix: "JK" }),
    c("Trabzonspor"), c("İstanbul Başakşehir", { alt: ["Başakşehir"], nick: ["Medipol Başakşehir"] }),
    c("Samsunspor"), c("Göztepe"), c("Eyüpspor"), c("Kasımpaşa"),
    c("Antalyaspor", { nick: ["Fraport TAV Antalyaspor"] }), c("Alanyaspor", { nick: ["Corendon Alanyaspor"] }),
    c("Konyaspor", { nick: ["Tümosan Konyaspor"] }), c("Kayserispor", { nick: ["Zecorner Kayserispor"] }),
    c("Sivasspor", { nick: ["Net Global Sivasspor"] }), c("Gaziantep FK", { alt: ["Gaziantep"] }),
    c("Rizespor", { nick: ["Çaykur Rizespor"] })
  ],
  leagues: [
    {
      name: "Süper Lig", kind: "senior",
      clubs: ["Galatasaray", "Fenerbahçe", "Beşiktaş", "Trabzonspor", "İstanbul Başakşehir", "Samsunspor", "Göztepe",
        "Eyüpspor", "Kasımpaşa", "Antalyaspor", "Alanyaspor", "Konyaspor", "Kayserispor", "Sivasspor", "Gaziantep FK", "Rizespor"]
    },
    { name: "Kadınlar Süper Ligi", kind: "women", clubs: ["Galatasaray", "Fenerbahçe", "Beşiktaş", "Trabzonspor"] }
  ]
}

export const catalogue: ReadonlyArray<CountrySpec> = [england, spain, italy, germany, france, portugal, netherlands, usa, scotland, turkey]

/** Town-name parts per country for the lower-division clubs the world adds when a size needs more sides. */
export const syntheticParts: { readonly [country: string]: { readonly stems: ReadonlyArray<string>; readonly ends: ReadonlyArray<string>; readonly patterns: ReadonlyArray<string> } } = {
  England: {
    stems: ["Ash", "Brack", "Bram", "Carl", "Dun", "Elm", "Fern", "Glen", "Hol", "Kirk", "Lang", "Mar", "Nor", "Red", "Sand", "Thorn", "West", "Wick", "Whit", "Stan"],
    ends: ["ford", "ton", "bury", "ham", "wick", "field", "by", "mouth", "ley", "well", "bridge", "stead", "worth", "dale"],
    patterns: ["{} Town", "{} United", "{} Rovers", "{} Athletic", "{} Albion", "{} Wanderers", "{} FC"]
  },
  Scotland: {
    stems: ["Auch", "Bal", "Dal", "Inver", "Kil", "Loch", "Strath", "Glen", "Aber", "Dun"],
    ends: ["more", "ton", "lie", "ness", "gour", "nock", "keld", "bride", "brae", "ross"],
    patterns: ["{} FC", "{} Thistle", "{} Athletic", "{} Rovers", "{} Academicals"]
  },
  Spain: {
    stems: ["Villa", "Torre", "Puerto", "Alcal", "Castel", "Valde", "Mon", "Fuen", "Arro", "Sal", "Peña", "Roble"],
    ends: ["nueva", "alta", "real", "verde", "llano", "moro", "blanca", "rubia", "seca", "mayor", "dón", "ñar"],
    patterns: ["CD {}", "UD {}", "{} CF", "Real {}", "Atlético {}", "SD {}", "Racing {}"]
  },
  Italy: {
    stems: ["Castel", "Monte", "Borgo", "Villa", "Pozzo", "Ponte", "Rocca", "Colle", "Valle", "Casal"],
    ends: ["franco", "rosso", "alto", "nuovo", "verde", "vecchio", "bello", "lungo", "fiore", "mare"],
    patterns: ["US {}", "AC {}", "{} Calcio", "SS {}", "ASD {}", "Virtus {}"]
  },
  Germany: {
    stems: ["Alt", "Berg", "Dorn", "Eich", "Falken", "Grün", "Hohen", "Kirch", "Linden", "Neu", "Ober", "Rosen", "Schön", "Stein", "Wald", "Weiß"],
    ends: ["au", "bach", "berg", "burg", "dorf", "feld", "hausen", "heim", "hofen", "stadt", "tal", "ingen"],
    patterns: ["SV {}", "FC {}", "TSV {}", "SpVgg {}", "VfR {}", "1. FC {}", "Sportfreunde {}", "Borussia {}"]
  },
  France: {
    stems: ["Mont", "Beau", "Ville", "Fontaine", "Bel", "Roche", "Châtel", "Mar", "Clair", "Val"],
    ends: ["bourg", "mont", "ville", "val", "fort", "lieu", "champ", "font", "lac", "rive"],
    patterns: ["US {}", "FC {}", "AS {}", "Stade {}", "Olympique {}", "SC {}"]
  },
  Portugal: {
    stems: ["Vila", "Porto", "Monte", "Torre", "Ponte", "Castelo", "Rio", "Lagoa"],
    ends: [" Nova", " Alta", " Verde", " Branco", " Real", " do Mar", " de Cima", " Velha"],
    patterns: ["SC {}", "GD {}", "CD {}", "União {}", "Académico {}"]
  },
  Netherlands: {
    stems: ["Oost", "West", "Noord", "Zuid", "Hoog", "Groot", "Nieuw", "Oud", "Zand", "Berg"],
    ends: ["dam", "dijk", "wijk", "veen", "hoven", "horst", "broek", "kerk", "meer", "zijl"],
    patterns: ["{} FC", "VV {}", "SV {}", "{} Boys", "SC {}"]
  },
  USA: {
    stems: ["Spring", "River", "Lake", "Oak", "Pine", "Maple", "Cedar", "Fair", "Green", "Silver", "Stone", "Clear"],
    ends: ["field", "ton", " Falls", " Valley", "dale", "port", " Springs", "wood", "view", " Bay"],
    patterns: ["{} FC", "{} SC", "{} United", "{} City", "{} Athletic"]
  },
  Turkey: {
    stems: ["Kara", "Ak", "Yeni", "Eski", "Deniz", "Bağ", "Kuş", "Göl", "Dağ", "Taş"],
    ends: ["köy", "kent", "dere", "tepe", "ova", "pınar", "yurt", "han", "lı", "su"],
    patterns: ["{}spor", "{} Belediyespor", "{} FK", "{} İdmanyurdu"]
  }
}
