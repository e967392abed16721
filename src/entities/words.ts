/**
 * Word lists the entity rules lean on: titles and roles that precede names, words that mark an
 * organisation, demonyms, languages, holidays and other capitalised non-names. Dateline's own lists;
 * compromise's lexicon is added on top in `lexicon.ts`.
 */

function words(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map((w) => w.toLowerCase()));
}

/** Titles, honorifics and roles that may stand right before a name (compared lower-case, dots dropped). */
export const TITLE_WORDS = words(`
  mr mrs ms miss mx dr doctor prof professor sir dame lord lady madam madame monsieur mme mlle herr senor senora
  president presidents vice prime minister ministers premier chancellor secretary undersecretary
  senator sen sens rep reps representative congressman congresswoman assemblyman assemblywoman councillor councilor
  councilman councilwoman alderman gov governor lt lieutenant gen general maj major col colonel cmdr commander
  capt captain sgt sergeant cpl corporal pvt private adm admiral marshal brigadier commodore ensign officer
  judge justice magistrate attorney prosecutor sheriff inspector detective constable superintendent chief
  king queen prince princess emperor empress crown duke duchess earl count countess baron baroness tsar czar
  sultan emir amir sheikh sheik shaikh mullah ayatollah imam rabbi pope cardinal archbishop bishop reverend rev
  father fr pastor pope saint brother sister mother deacon elder
  ambassador envoy consul mayor deputy speaker leader chairman chairwoman chairperson chair director
  commissioner administrator governor-general coach manager captain spokesman spokeswoman spokesperson
  secretary-general foreign defence defense interior finance economy trade justice health education
  agriculture farm energy environment culture labour labor transport home state treasury
  first lady gentleman
  emeritus
  supreme opposition
  striker midfielder defender goalkeeper forward winger coach
  singer actor actress author writer artist photographer composer
  dictator rebel
  executive ceo cfo coo chief
`);

/** Lower-case words that, right before a capitalised word, say that it is a person. */
export const PERSON_CUE_WORDS = words(`
  mr mrs ms dr sir president minister premier chancellor secretary senator governor general colonel captain
  judge justice king queen prince princess emperor empress sheikh ayatollah imam rabbi pope bishop
  archbishop cardinal ambassador envoy mayor speaker leader chairman chairwoman director commissioner
  spokesman spokeswoman spokesperson coach manager striker midfielder defender goalkeeper winger forward
  player singer actor actress author writer artist photographer composer poet novelist playwright
  engineer conductor driver pilot officer lieutenant sergeant detective inspector lawyer attorney prosecutor
  analyst economist scientist researcher professor doctor surgeon nurse teacher student
  founder owner chief executive head candidate nominee challenger incumbent rival
  widow widower wife husband son daughter father mother brother sister uncle aunt nephew niece cousin
  grandson granddaughter grandfather grandmother boyfriend girlfriend partner fiance fiancee
  dictator cleric priest monk preacher activist campaigner dissident
  premier deputy aide adviser advisor official spokesperson representative delegate
  boxer champion cyclist runner swimmer skater golfer jockey captain batsman bowler
  chef designer architect historian curator
  farmer fisherman resident neighbour neighbor victim suspect
  by
`);

/** Reporting verbs after a name ("Miller said") that make a lone word a person. */
export const SPEECH_VERBS = words(`
  said says told tells added adds stated states wrote writes asked asks argued argues claimed claims
  explained explains noted notes insisted insists warned warns admitted admits recalled recalls replied
  replies announced announces declared declares denied denies acknowledged acknowledges urged urges
  testified believes believed thinks thought hopes hoped wants wanted
  who
`);

/** Words that, inside a capitalised run, make it an organisation, an event, a building or a thing. */
export const ORG_WORDS = words(`
  department ministry ministries agency authority office bureau commission committee council court
  corps guard guards army navy force forces police brigade brigades battalion regiment militia
  party parties movement front alliance coalition union league federation association society institute
  institution foundation fund trust bank banks company co corp corporation inc ltd llc plc group holdings
  partners airlines airline airways railway railways motors industries enterprises systems technologies
  university college school academy hospital clinic museum gallery library theatre theater centre center
  church mosque temple cathedral synagogue kitchen times post news herald tribune journal gazette
  telegraph guardian press daily weekly magazine radio television tv network channel broadcasting
  club united fc stadium arena airport building prison jail
  parliament congress senate assembly cabinet government administration state states
  board service services exchange market markets index
  festival championship championships cup games olympics open tournament prize award awards
  conference summit treaty accord agreement act bill law
  revolutionary islamic national international world global federal royal central general supreme
  democratic republican liberal conservative labour labor socialist communist green
  council organisation organization nations
  times daily street journal
  project programme program initiative operation mission division management worldwide flight roadshow
  ministries agencies companies forum institute studios records entertainment pictures productions
  research electronics logistik logistics deportivo banco banca banque gruppe grupo sociedad compania holding
  directorate ventures labs laboratories pharmaceuticals petroleum oil gas mining energy telecom airlines insurance
  war crisis disease syndrome virus hurricane typhoon cyclone tornado storm earthquake
  lake river sea ocean mountain mountains mount bay gulf strait channel canal falls
`);

/** Nationality adjectives, peoples, languages and religions (never people or places). */
export const DEMONYMS_AND_LANGUAGES = words(`
  american americans british briton britons english french german germans italian italians spanish
  spaniard spaniards portuguese dutch belgian swiss austrian greek greeks turkish turk turks russian russians
  ukrainian ukrainians polish pole poles czech slovak hungarian romanian bulgarian serbian serb serbs croatian
  croat croats bosnian albanian slovenian macedonian montenegrin swedish swede norwegian danish dane finnish
  finn icelandic irish scottish scot scots welsh european europeans canadian canadians mexican mexicans
  cuban cubans brazilian brazilians argentine argentinian argentines chilean peruvian colombian venezuelan
  bolivian ecuadorian uruguayan paraguayan guatemalan honduran salvadoran nicaraguan panamanian haitian
  jamaican dominican puerto rican chinese japanese korean koreans vietnamese thai cambodian laotian burmese
  malaysian indonesian indonesians filipino filipinos singaporean indian indians pakistani pakistanis
  bangladeshi nepali nepalese sri lankan afghan afghans iranian iranians iraqi iraqis syrian syrians
  lebanese jordanian israeli israelis palestinian palestinians saudi saudis yemeni omani emirati qatari
  kuwaiti bahraini egyptian egyptians libyan libyans tunisian algerian moroccan sudanese ethiopian
  ethiopians eritrean somali somalis kenyan kenyans ugandan tanzanian rwandan burundian congolese
  nigerian nigerians ghanaian senegalese malian ivorian cameroonian angolan zambian zimbabwean
  mozambican malawian namibian south african africans african asian asians arab arabs arabic persian
  hebrew kurdish kurd kurds pashto dari urdu hindi bengali punjabi tamil sinhalese mandarin cantonese
  tibetan uighur uyghur uighurs uyghurs mongolian kazakh uzbek tajik turkmen kyrgyz azeri azerbaijani
  armenian georgian chechen tatar latin latino latina latinos hispanic comoran comorian malagasy
  australian australians kiwi zealander zealanders beninese togolese gabonese chadian nigerien
  muslim muslims islamic christian christians catholic catholics protestant protestants jewish jew jews
  hindu hindus buddhist buddhists sikh sikhs shia shiite shiites sunni sunnis orthodox evangelical
  mormon mormons scientologist scientologists anglican baptist methodist lutheran
  soviet soviets western eastern northern southern westerner westerners aboriginal indigenous
  basque catalan flemish walloon bavarian sicilian corsican hawaiian texan californian
  republican republicans democrat democrats tory tories labourite communist communists socialist
  nazi nazis fascist marxist maoist taliban
  roman romans taiwanese basque basques philippine mediterranean pacific atlantic arctic antarctic baltic adriatic aegean caspian
  yiddish swahili esperanto sanskrit aramaic amharic somali hausa yoruba igbo zulu xhosa afrikaans
`);

/** Capitalised words that are never names of people or places. */
export const NEVER_NAMES = words(`
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  ramadan eid christmas easter hanukkah diwali passover lent advent thanksgiving halloween
  al-fitr al-adha yom kippur rosh hashanah
  god allah christ buddha prophet islam christianity judaism hinduism buddhism
  internet web x twitter facebook instagram tiktok youtube whatsapp telegram google apple microsoft amazon
  netflix spotify reddit linkedin snapchat wechat weibo
  reuters reuter ap afp bbc cnn upi xinhua
  i i'm i've i'd we you he she it they me him her us them my his its our your their
  the a an this that these those there here then when where why how what which who whom whose
  and or but nor yet so for if because although though while after before since until unless as
  in on at by to from of with without within into onto over under about above below between among
  mr mrs ms dr
  no not yes all some any many much more most few several both each every either neither other another
  such same own only just also even still already again ever never always often sometimes
  one two three four five six seven eight nine ten first second third last next
  it's that's there's he's she's they're we're
  am pm bc ad ce
  covid-19 covid aids hiv bse sars mers ebola
  hamas hezbollah hizbollah fatah al-qaeda al-qaida qaeda isis isil daesh nato opec unicef unesco interpol
  kremlin pentagon whitehall congress parliament senate knesset duma bundestag politburo
`);

/** Lower-case words that join parts of one name ("Loyola de Palacio", "Nikolaus van der Pas"). */
export const NAME_PARTICLES = words(`
  al el de da das do dos del della di du la le van von der den ter ten bin ibn ben bint abu abd abdel abdul
  ould y e zu st
`);

/** Words placed after a name that are still part of it. */
export const NAME_SUFFIXES = words(`jr jr. sr sr. ii iii iv`);

/** Lower-case words before a lone capitalised word that make it a place ("the town of Cayce"). */
export const PLACE_CUE_PHRASES = [
  "town of", "city of", "village of", "capital of", "province of", "state of", "island of", "islands of",
  "region of", "district of", "county of", "suburb of", "port of", "republic of", "kingdom of",
  "outskirts of", "north of", "south of", "east of", "west of", "northeast of", "northwest of",
  "southeast of", "southwest of", "near", "in", "at", "from", "to", "across", "outside", "inside",
  "throughout", "around", "toward", "towards", "via", "visited", "visit", "visiting",
];

/** Words that make an organisation, a facility or a street only as the last word ("Orange Park" is a town after a comma; "Park Jae-won" is a person). */
export const FACILITY_TAIL_WORDS = words(`
  park square street road avenue boulevard lane bridge station house hall tower castle palace centre center
  chapel abbey gardens garden market plaza mall
`);

/** Company-form suffixes after a name: "Hallberg Logistik AG". */
export const CORPORATE_SUFFIXES = new Set(["AG", "SA", "NV", "BV", "GmbH", "Ltd", "Inc", "plc", "PLC", "Corp", "LLC", "Co", "SpA", "AB", "ASA", "Oyj", "KK"]);

/** First words of multi-word place names that are never people ("San Vicente del Caguán", "Port Harcourt"). */
export const PLACE_PREFIX_WORDS = new Set(["San", "Santa", "Santo", "São", "Sao", "Saint", "St.", "Ste.", "Fort", "Port", "Puerto", "Porto", "Mount", "Lake", "Cape", "Bay", "Ciudad", "Villa", "Nueva", "Nuevo"]);

/** Deities and religious figures: not people of the news, even alone ("Jesus loved them"). */
export const DEITIES = words(`god gods allah jesus christ buddha muhammad mohammed yahweh jehovah vishnu shiva krishna`);

/**
 * Firms whose names read as a person's ("Morgan Stanley", "Merrill Lynch"), beyond those compromise
 * tags as organisations ("Goldman Sachs", "Wells Fargo"). Only names the news uses for the firm, not
 * for a living person of that name ("Ralph Lauren", "Michael Kors" are left to context).
 */
export const FIRMS_NAMED_LIKE_PEOPLE = `
  Morgan Stanley|Merrill Lynch|Lehman Brothers|Dean Witter|Smith Barney|Charles Schwab|Edward Jones|
  Raymond James|Kleiner Perkins|Arthur Andersen|Price Waterhouse|Lazard Freres|Bain Capital|
  Goldman Sachs|JP Morgan|J.P. Morgan|JPMorgan|Jefferies|Harley Davidson|Rolls Royce|Aston Martin|
  Alfa Romeo|Hewlett Packard|Dow Jones|Wells Fargo|Johnson Matthey|Cantor Fitzgerald|Marsh McLennan
`
  .split("|")
  .map((name) => name.trim())
  .filter(Boolean);
