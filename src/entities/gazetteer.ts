/**
 * Dateline's own gazetteer: countries, territories, US states and other first-level regions,
 * capitals and large cities, and named regions. Written for Dateline as plain data; the matcher
 * (`places.ts`) adds compromise's lexicon of cities and countries on top.
 *
 * Entries are "|"-separated so the lists stay readable and cheap to load.
 */

export const COUNTRIES = (
  "Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|" +
  "Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|" +
  "Bosnia and Herzegovina|Bosnia|Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|" +
  "Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|" +
  "Cyprus|Czech Republic|Czechia|Czechoslovakia|Denmark|Djibouti|Dominica|Dominican Republic|East Timor|Timor-Leste|" +
  "Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Swaziland|Ethiopia|Fiji|Finland|" +
  "France|Gabon|Gambia|Georgia|Germany|West Germany|East Germany|Ghana|Greece|Grenada|Guatemala|Guinea|" +
  "Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|" +
  "Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|" +
  "Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|" +
  "Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|" +
  "Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|" +
  "North Korea|North Macedonia|Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|" +
  "Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saint Lucia|Samoa|San Marino|" +
  "Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|" +
  "South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|" +
  "Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|Trinidad|Tobago|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|" +
  "Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Vanuatu|Vatican|" +
  "Vatican City|Venezuela|Vietnam|Yemen|Yugoslavia|Zambia|Zimbabwe|Soviet Union|Zaire|Rhodesia|" +
  "England|Scotland|Wales|Northern Ireland|Great Britain|Britain|Korea|Greenland|Puerto Rico|Guam|" +
  "Hong Kong|Macau|Macao|Gaza|Gaza Strip|West Bank|Tibet|Kashmir|Chechnya|Crimea|Kurdistan|Western Sahara|" +
  "Somaliland|Abkhazia|Transnistria|Bermuda|Gibraltar|Faroe Islands|Falkland Islands|Falklands|Mayotte|Reunion|" +
  "Martinique|Guadeloupe|French Guiana|New Caledonia|Tahiti|French Polynesia|Aruba|Curacao|Cayman Islands|" +
  "Anjouan|Moheli|Grande Comore|Zanzibar|Sardinia|Sicily|Corsica|Majorca|Mallorca|Ibiza|Tenerife|Crete|" +
  "Cyprus|Bali|Java|Sumatra|Sulawesi|Borneo|Sumatra|Mindanao|Luzon|Hokkaido|Okinawa|Tasmania|Madeira|Azores|" +
  "Canary Islands|Balearic Islands|Channel Islands|Jersey|Guernsey|Isle of Man|Hawaii|Alaska"
).split("|");

export const US_STATES = (
  "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|" +
  "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|" +
  "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|" +
  "North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|" +
  "South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|" +
  "District of Columbia"
).split("|");

export const OTHER_REGIONS = (
  // Canada, Australia, and other first-level divisions that make the news
  "Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|" +
  "Labrador|Prince Edward Island|Yukon|Nunavut|Northwest Territories|New South Wales|Victoria|Queensland|" +
  "South Australia|Western Australia|Northern Territory|Bavaria|Saxony|Hesse|Lower Saxony|" +
  "North Rhine-Westphalia|Baden-Wuerttemberg|Brandenburg|Thuringia|Catalonia|Andalusia|Basque Country|" +
  "Galicia|Castile|Valencia|Lombardy|Tuscany|Piedmont|Sicily|Calabria|Campania|Veneto|Brittany|Normandy|" +
  "Provence|Alsace|Burgundy|Flanders|Wallonia|Silesia|Transylvania|Dalmatia|Kosovo|Punjab|Sindh|Balochistan|" +
  "Baluchistan|Khyber Pakhtunkhwa|Waziristan|Helmand|Helmand Province|Kandahar|Kunduz|Herat|Uttar Pradesh|" +
  "Maharashtra|Gujarat|Kerala|Tamil Nadu|Karnataka|Bihar|West Bengal|Rajasthan|Assam|Andhra Pradesh|" +
  "Telangana|Odisha|Orissa|Goa|Jammu|Sikkim|Xinjiang|Guangdong|Sichuan|Hubei|Hunan|Henan|Shandong|Fujian|" +
  "Zhejiang|Jiangsu|Yunnan|Inner Mongolia|Manchuria|Siberia|Chechnya|Dagestan|Tatarstan|Donbas|Donetsk|" +
  "Luhansk|Kurdistan|Darfur|Kordofan|Ogaden|Tigray|Amhara|Oromia|Katanga|Kivu|North Kivu|South Kivu|Biafra|" +
  "Niger Delta|Casamance|Sahel|Sahara|Sinai|Negev|Galilee|Golan Heights|Golan|Judea|Samaria|Mindanao|Aceh|" +
  "Papua|Kurdistan Region|Patagonia|Amazonia|Chiapas|Yucatan|Baja California|Sonora|Chihuahua|Jalisco|" +
  "Oaxaca|Guerrero|Michoacan|Tamaulipas|Sinaloa|Buenos Aires Province|Sao Paulo State|Minas Gerais|Bahia|" +
  "Scottish Highlands|Highlands|Yorkshire|Lancashire|Kent|Essex|Surrey|Sussex|Devon|Cornwall|Cumbria|" +
  "Merseyside|Midlands|West Midlands|East Anglia|Ulster|Munster|Leinster|Connacht|Silicon Valley|" +
  // continents and large named regions
  "Africa|Asia|Europe|North America|South America|Latin America|Central America|Antarctica|Oceania|" +
  "Australasia|Middle East|Near East|Far East|Southeast Asia|South Asia|East Asia|Central Asia|West Africa|" +
  "East Africa|North Africa|Southern Africa|Central Africa|Horn of Africa|Sub-Saharan Africa|" +
  "Eastern Europe|Western Europe|Central Europe|Northern Europe|Southern Europe|Scandinavia|Balkans|" +
  "the Balkans|Caucasus|Baltics|Caribbean|Levant|Maghreb|" +
  "Iberia|Anatolia|Kurdistan|Mesopotamia|" +
  "Midwest|New England|Deep South|Pacific Northwest|Appalachia|Great Plains|Lake District|Riviera|" +
  "West Coast|East Coast|Gulf Coast|Bay Area|Lower Manhattan|Manhattan|Brooklyn|Queens|Bronx|Staten Island|" +
  "Harlem|Hollywood|Long Island|Westminster|Soho|Chelsea|Whitehall|Kensington|Montmartre|Gaza City|" +
  "East Jerusalem|Jerusalem|Rafah|Khan Younis|Jenin|Nablus|Hebron|Ramallah|Bethlehem"
).split("|");

export const CITIES = (
  // capitals
  "Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Vienna|Baku|Nassau|Manama|Dhaka|Dacca|Minsk|" +
  "Brussels|Belmopan|Porto-Novo|Porto Novo|Cotonou|Thimphu|La Paz|Sucre|Sarajevo|Gaborone|Brasilia|Sofia|" +
  "Ouagadougou|Bujumbura|Phnom Penh|Yaounde|Ottawa|Praia|Bangui|N'Djamena|Santiago|Beijing|Peking|Bogota|" +
  "Moroni|Kinshasa|Brazzaville|San Jose|Zagreb|Havana|Nicosia|Prague|Copenhagen|Santo Domingo|Quito|Cairo|" +
  "San Salvador|Malabo|Asmara|Tallinn|Addis Ababa|Suva|Helsinki|Paris|Libreville|Banjul|Tbilisi|Berlin|Bonn|" +
  "Accra|Athens|Guatemala City|Conakry|Bissau|Georgetown|Port-au-Prince|Tegucigalpa|Budapest|Reykjavik|" +
  "New Delhi|Delhi|Jakarta|Tehran|Teheran|Baghdad|Dublin|Jerusalem|Tel Aviv|Rome|Kingston|Tokyo|Amman|Astana|" +
  "Almaty|Alma-Ata|Nairobi|Pristina|Kuwait City|Bishkek|Vientiane|Riga|Beirut|Maseru|Monrovia|Tripoli|Vilnius|" +
  "Antananarivo|Lilongwe|Kuala Lumpur|Male|Bamako|Valletta|Nouakchott|Port Louis|Mexico City|Chisinau|" +
  "Ulan Bator|Ulaanbaatar|Podgorica|Rabat|Maputo|Naypyidaw|Rangoon|Yangon|Windhoek|Kathmandu|Amsterdam|" +
  "The Hague|Wellington|Managua|Niamey|Abuja|Lagos|Pyongyang|Skopje|Oslo|Muscat|Islamabad|Panama City|" +
  "Port Moresby|Asuncion|Lima|Manila|Warsaw|Lisbon|Doha|Bucharest|Moscow|Kigali|Riyadh|Dakar|Belgrade|" +
  "Freetown|Ljubljana|Bratislava|Mogadishu|Pretoria|Johannesburg|Cape Town|Seoul|Juba|Madrid|Colombo|" +
  "Khartoum|Omdurman|Paramaribo|Stockholm|Bern|Berne|Geneva|Zurich|Damascus|Taipei|Dushanbe|Dodoma|" +
  "Dar es Salaam|Bangkok|Lome|Tunis|Ankara|Istanbul|Ashgabat|Kampala|Kiev|Kyiv|Abu Dhabi|Dubai|London|" +
  "Washington|Montevideo|Tashkent|Caracas|Hanoi|Saigon|Ho Chi Minh City|Sanaa|Aden|Lusaka|Harare|Salisbury|" +
  // large and newsworthy cities
  "New York|New York City|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|" +
  "Austin|Jacksonville|San Francisco|Columbus|Indianapolis|Seattle|Denver|Boston|Detroit|Nashville|" +
  "Memphis|Portland|Las Vegas|Louisville|Baltimore|Milwaukee|Albuquerque|Tucson|Fresno|Sacramento|" +
  "Atlanta|Miami|Orlando|Tampa|Cleveland|Cincinnati|Pittsburgh|St. Louis|St Louis|Kansas City|Minneapolis|" +
  "New Orleans|Honolulu|Anchorage|Salt Lake City|Raleigh|Charlotte|Richmond|Buffalo|Newark|Oakland|" +
  "Omaha|Tulsa|Wichita|Boise|Spokane|Savannah|Charleston|Birmingham|Montgomery|Little Rock|Des Moines|" +
  "Hartford|Providence|Princeton|Cambridge|Oxford|Bloomington|Ann Arbor|Palo Alto|Berkeley|Pasadena|" +
  "Toronto|Montreal|Vancouver|Calgary|Edmonton|Winnipeg|Halifax|Quebec City|" +
  "Manchester|Liverpool|Leeds|Sheffield|Bristol|Newcastle|Nottingham|Leicester|Glasgow|Edinburgh|Cardiff|" +
  "Belfast|Aberdeen|Dundee|Southampton|Brighton|Lockerbie|Cork|Galway|Limerick|" +
  "Marseille|Marseilles|Lyon|Lyons|Toulouse|Nice|Nantes|Strasbourg|Bordeaux|Lille|Calais|Le Havre|Cannes|" +
  "Hamburg|Munich|Cologne|Frankfurt|Stuttgart|Dusseldorf|Düsseldorf|Leipzig|Dresden|Hanover|Nuremberg|" +
  "Milan|Naples|Turin|Palermo|Genoa|Bologna|Florence|Venice|Barcelona|Seville|Bilbao|Malaga|Zaragoza|" +
  "Porto|Oporto|Rotterdam|Antwerp|Ghent|Geneva|Basel|Lausanne|Salzburg|Graz|Gdansk|Krakow|Cracow|Wroclaw|" +
  "Lodz|St Petersburg|Saint Petersburg|St. Petersburg|Leningrad|Novosibirsk|Yekaterinburg|Vladivostok|" +
  "Volgograd|Stalingrad|Murmansk|Kharkiv|Kharkov|Odesa|Odessa|Lviv|Mariupol|Sevastopol|Thessaloniki|" +
  "Izmir|Antalya|Mosul|Basra|Kirkuk|Erbil|Fallujah|Ramadi|Tikrit|Najaf|Karbala|Aleppo|Homs|Hama|Idlib|" +
  "Raqqa|Deir ez-Zor|Latakia|Tyre|Sidon|Haifa|Ashkelon|Ashdod|Sderot|Eilat|Beersheba|Mecca|Medina|Jeddah|" +
  "Dammam|Sharjah|Isfahan|Mashhad|Tabriz|Shiraz|Qom|Karachi|Lahore|Peshawar|Quetta|Rawalpindi|Multan|" +
  "Mumbai|Bombay|Kolkata|Calcutta|Chennai|Madras|Bangalore|Bengaluru|Hyderabad|Ahmedabad|Pune|Jaipur|" +
  "Lucknow|Srinagar|Amritsar|Chittagong|Kandy|Mandalay|Chiang Mai|Phuket|Pattaya|Shanghai|Guangzhou|" +
  "Canton|Shenzhen|Tianjin|Chongqing|Chengdu|Wuhan|Nanjing|Xian|Xi'an|Hangzhou|Harbin|Shenyang|Dalian|" +
  "Qingdao|Lhasa|Urumqi|Kunming|Osaka|Kyoto|Yokohama|Nagoya|Kobe|Sapporo|Fukuoka|Hiroshima|Nagasaki|" +
  "Fukushima|Sendai|Busan|Pusan|Incheon|Daegu|Surabaya|Bandung|Medan|Denpasar|Cebu|Davao|Singapore|" +
  "Sydney|Melbourne|Brisbane|Perth|Adelaide|Darwin|Hobart|Auckland|Christchurch|Sao Paulo|São Paulo|" +
  "Rio de Janeiro|Rio|Salvador|Recife|Porto Alegre|Belo Horizonte|Manaus|Cordoba|Rosario|Mendoza|" +
  "Valparaiso|Medellin|Cali|Cartagena|Guayaquil|Cusco|Maracaibo|Guadalajara|Monterrey|Tijuana|" +
  "Ciudad Juarez|Acapulco|Cancun|Puebla|Veracruz|Alexandria|Giza|Luxor|Aswan|Port Said|Suez|Benghazi|" +
  "Misrata|Sirte|Casablanca|Marrakesh|Marrakech|Fez|Tangier|Oran|Timbuktu|Kano|Ibadan|Port Harcourt|" +
  "Kumasi|Abidjan|Douala|Mombasa|Kisumu|Eldoret|Goma|Lubumbashi|Durban|Port Elizabeth|Soweto|Bulawayo|" +
  "Entebbe|Gulu|Hargeisa|Kismayo|Mekele|Mekelle|Asmera|Beira|Zomba|Blantyre|Benguela"
).split("|");

/** Abbreviations and other names mapped to one canonical place (the scorer's variants agree). */
export const PLACE_ALIASES: Readonly<Record<string, string>> = {
  "US": "United States",
  "U.S.": "United States",
  "U.S": "United States",
  "USA": "United States",
  "U.S.A.": "United States",
  "America": "United States",
  "United States of America": "United States",
  "the United States": "United States",
  "UK": "United Kingdom",
  "U.K.": "United Kingdom",
  "Britain": "United Kingdom",
  "Great Britain": "United Kingdom",
  "UAE": "United Arab Emirates",
  "U.A.E.": "United Arab Emirates",
  "USSR": "Soviet Union",
  "U.S.S.R.": "Soviet Union",
  "DRC": "Democratic Republic of Congo",
  "N.J.": "New Jersey",
  "N.Y.": "New York",
  "Calif.": "California",
  "Mass.": "Massachusetts",
  "Fla.": "Florida",
  "Tex.": "Texas",
  "Ill.": "Illinois",
  "Pa.": "Pennsylvania",
  "Va.": "Virginia",
  "Md.": "Maryland",
  "Ga.": "Georgia",
  "Mich.": "Michigan",
  "Ohio": "Ohio",
  "Conn.": "Connecticut",
  "Wash.": "Washington",
  "Ore.": "Oregon",
  "Ariz.": "Arizona",
  "Colo.": "Colorado",
  "Minn.": "Minnesota",
  "Wis.": "Wisconsin",
  "Tenn.": "Tennessee",
  "Ky.": "Kentucky",
  "La.": "Louisiana",
  "Ala.": "Alabama",
  "Okla.": "Oklahoma",
  "N.C.": "North Carolina",
  "S.C.": "South Carolina",
  "D.C.": "Washington",
  "Türkiye": "Turkey",
  "Holland": "Netherlands",
  "the Netherlands": "Netherlands",
  "Czechia": "Czech Republic",
  "Burma": "Myanmar",
  "Kyiv": "Kyiv",
  "Mallorca": "Majorca",
  "Hague": "The Hague",
};

/** Words that end a multi-word place name ("Lexington County", "Mayotte Island"). */
export const PLACE_SUFFIXES = new Set(
  ("County|Province|Prefecture|Governorate|District|Region|Oblast|Island|Islands|Isles|Atoll|Valley|" +
    "Peninsula|Strip|Heights|Territory|City|Township|Borough|Parish|Springs|Falls|Beach|Hills|State").split("|"),
);

/**
 * Geographic features that are places by name alone: mountain ranges and peaks, rivers, lakes,
 * straits, deserts and other natural regions. Loaded with the other places. Names with a feature
 * word ("Black Sea", "Lake Victoria", "Gulf of Aden") need no entry: features.ts reads their shape.
 * One-word names that are also a company or an adjective are in AMBIGUOUS_FEATURES instead.
 */
export const NATURAL_FEATURES = (
  "Alps|Andes|Himalayas|Himalaya|Pyrenees|Rockies|Urals|Appalachians|Carpathians|Dolomites|Apennines|" +
  "Hindu Kush|Karakoram|Tian Shan|Pamirs|Drakensberg|Sierra Nevada|Everest|Kilimanjaro|Matterhorn|" +
  "Mont Blanc|Aconcagua|Denali|Elbrus|Etna|Vesuvius|Ben Nevis|Snowdon|" +
  "Rhine|Seine|Loire|Rhone|Volga|Yangtze|Ganges|Indus|Brahmaputra|Euphrates|Tigris|Zambezi|Limpopo|" +
  "Orinoco|Rio Grande|Tiber|Elbe|Oder|Vistula|Dnieper|Dniester|Mersey|Severn|Nile|Danube|Thames|" +
  "Mekong|Irrawaddy|Yenisei|Potomac|Baikal|Titicaca|Tanganyika|Windermere|" +
  "English Channel|Bosphorus|Dardanelles|Grand Canyon|Arctic Circle|" +
  "Gobi|Kalahari|Atacama|Mojave|Namib|Serengeti|Everglades|Sundarbans"
).split("|");

/**
 * One-word features that are also a company ("Amazon said") or an adjective ("Arctic sea ice",
 * "Pacific islands"): places only after "the" ("the Amazon", "the eastern Mediterranean").
 */
export const AMBIGUOUS_FEATURES = new Set([
  "Amazon", "Pacific", "Atlantic", "Mediterranean", "Arctic", "Antarctic", "Baltic", "Adriatic", "Aegean", "Caspian",
]);

/** Capitalised words that end a feature's name: "Jordan River", "Java Sea", "Atlas Mountains". */
export const FEATURE_WORDS_AFTER = new Set(
  ("River|Sea|Ocean|Lake|Lakes|Mountains|Mountain|Range|Desert|Strait|Straits|Gulf|Bay|Canal|Glacier|" +
    "Delta|Basin|Plateau|Volcano|Reef|Lagoon|Fjord|Estuary|Rainforest|Massif|Falls|Valley|Peninsula|Alps").split("|"),
);

/** Capitalised words that open a feature's name: "River Derwent", "Lake Victoria", "Mount Kenya". */
export const FEATURE_WORDS_BEFORE = new Set(["River", "Lake", "Mount", "Mt.", "Loch", "Lough"]);

/** Words that open a feature's name joined by "of": "Gulf of Mexico", "Bay of Bengal", "Sea of Japan". */
export const FEATURE_WORDS_WITH_OF = new Set(["Gulf", "Bay", "Sea", "Strait", "Straits", "Isle", "Cape", "Lake", "Mount"]);
