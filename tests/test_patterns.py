"""The relation patterns on sentences written for the purpose (not from the development set):
one or more per pattern family, and the statements that must not become facts."""
from __future__ import annotations

import pytest

import kg

POSITIVE = [
    # one list of signatories with a title aside in it is one sentence
    ("Peking University President Lin Jianhua, Victoria University of Wellington Vice-Chancellor Professor Grant Guilford, "
     "and University of Auckland Deputy Vice-Chancellor (Strategic Engagement) Professor Jenny Dixon signed the MOU.",
     "Peking University", "signsAgreementWith", "Victoria University of Wellington"),
    ("The panel, which includes Maria Lopez and Tom Hughes, will report in May.", "panel", "includes", "Tom Hughes"),
    ("The crew arrived in Lagos on Monday.", "crew", "visited", "Lagos"),
    ("Indonesia, one of the founding members of OPEC, left in 2016.", "OPEC", "includes", "Indonesia"),
    ("The Australian trade mission to Shanghai, led by Minister Don Farrell, met officials.", "Don Farrell", "visited", "Shanghai"),
    ("The Nairobi-based lender Equity Bank raised rates.", "Equity Bank", "locatedIn", "Nairobi"),
    ("Twelve countries, among them Chile, Peru and Mexico, signed the pact.", "Twelve countries", "includes", "Peru"),
    # "the bloc's members are ...": the members of a named bloc, said of it as "the bloc"
    ("BRICS was founded in 2009 as a forum. The bloc's members are Brazil, Russia and India.", "BRICS", "includes", "Russia"),
    ("The memorandum was signed by Kenya's Ministry of Energy and Toyota Tsusho Corp.",
     "Ministry of Energy", "signsAgreementWith", "Toyota Tsusho"),
    ("Siemens Energy AG won a $2 billion order from Saudi Electricity Co.", "Siemens Energy", "signsAgreementWith", "Saudi Electricity"),
    # a company by its trade ("the miner", "the planemaker") is the company named before; a place
    # name that is also a company's ("Rio Tinto") is typed by what the text says of it
    ("Rio Tinto said on Monday it would sell assets. The miner signed an agreement with Glencore Plc.",
     "Rio Tinto", "signsAgreementWith", "Glencore"),
    ("Airbus delivered jets. The European planemaker, based in Toulouse, signed a deal with Qantas.",
     "Airbus", "locatedIn", "Toulouse"),
    # a traveller from a known country at a place of unknown country: the trip says it is a visit
    ("German Chancellor Olaf Scholz visited Kenya on Monday. On Tuesday he was in Bwejuu to open a school.",
     "Olaf Scholz", "visited", "Bwejuu"),
    # a nationality of two words says where a visitor is from
    ("Leaders are arriving in Davos for the World Economic Forum. South African President Thabo Mbeki and "
     "UK Prime Minister Tony Blair are among the government leaders attending the meeting.", "Thabo Mbeki", "visited", "Davos"),
    ("Floods hit Wuhan in the Chinese province of Hubei.", "Wuhan", "locatedIn", "Hubei"),
    ("The plant is in the US state of Texas.", "Texas", "locatedIn", "US"),
    ("Tesla has a plant in Austin in the US state of Texas.", "Austin", "locatedIn", "Texas"),
    ("The Brosna flows through Mullingar and Kilbeggan, both in Westmeath.", "Mullingar", "locatedIn", "Westmeath"),
    ("Acme Corp and Globex Inc, both based in Ohio, merged.", "Acme Corp", "locatedIn", "Ohio"),
    ("Microsoft and OpenAI announced a partnership deal.", "Microsoft", "signsAgreementWith", "OpenAI"),
    # a name the NER tags as a nationality, and a single-word company typed by what it wins
    ("Halliburton won contracts with Saudi Aramco.", "Halliburton", "signsAgreementWith", "Saudi Aramco"),
    ("Xiamen International Bank said its two units Xiamen International Finance Co Ltd and Luso International Bank Ltd made profits.",
     "Xiamen International Bank", "includes", "Luso International Bank"),
    ("The mine is at Kalgoorlie in the west of Australia.", "Kalgoorlie", "locatedIn", "Australia"),
    ("Thailand's oldest institution of higher learning, Chulalongkorn University is a model of openness.",
     "Chulalongkorn University", "locatedIn", "Thailand"),
    ("Nigeria's largest bank by assets, Zenith Bank is expanding.", "Zenith Bank", "locatedIn", "Nigeria"),
    ("Poland's arms procurement agency signed a deal on tanks with Hanwha Aerospace on Monday.",
     "arms procurement agency", "signsAgreementWith", "Hanwha Aerospace"),
    # "the country": the one the last sentences speak of, not the one named most often before
    ("Volvo of Sweden said Sweden and Swedish buyers matter. Sales in Sweden rose. Exports to Chile doubled. "
     "A plant is being built at Rancagua in the south of the country.", "Rancagua", "locatedIn", "Chile"),
    # the leaders of a visiting delegation visit too, also when "is headed by" says who leads it
    ("The delegation visited Ghana on Monday. The delegation is headed by Chancellor Jim Bolger and Vice-Chancellor Roy Crawford.",
     "Roy Crawford", "visited", "Ghana"),
    # one memorandum with two others: three sides, each pair of them
    ("Sri Lanka's government signed the MoU with India and the UAE.", "India", "signsAgreementWith", "UAE"),
    ("Vale signed a memorandum of understanding to purchase the shares held by its largest shareholder, Nexon Corp., "
     "and second-largest shareholder, SK Planet Co.", "Vale", "signsAgreementWith", "SK Planet"),
    ("Mining companies in Peru, including Minera Andina and Cobre Sur, raised output.",
     "Minera Andina", "locatedIn", "Peru"),
    # visited
    ("French President Emmanuel Macron arrived in Beijing on Wednesday.", "Emmanuel Macron", "visited", "Beijing"),
    ("Prime Minister Jane Holt will also travel to Guangzhou next week.", "Jane Holt", "visited", "Guangzhou"),
    ("Minister Omar Diallo visited Dakar and Accra last month.", "Omar Diallo", "visited", "Accra"),
    ("Rita Okafor embarked on a three-day visit to Nairobi.", "Rita Okafor", "visited", "Nairobi"),
    ("Carlos Mendes spent two weeks in Lisbon negotiating the sale.", "Carlos Mendes", "visited", "Lisbon"),
    ("Elon Musk toured the plant in Gruenheide.", "Elon Musk", "visited", "Gruenheide"),
    ("The Chinese delegation, led by Vice Premier Liu He, arrived in Geneva on Saturday.", "Liu He", "visited", "Geneva"),
    ("U.S. Secretary of State Antony Blinken is due to visit Beijing next week.", "Antony Blinken", "visited", "Beijing"),
    ("Chancellor Olaf Scholz hosted Indian Prime Minister Narendra Modi in Berlin.", "Narendra Modi", "visited", "Berlin"),
    # itineraries and presence (the kinds of the generalisation issue, in invented sentences)
    ("British Health Minister Jane Moyo will see a clinic in Lusaka and a school in Harare before chairing a meeting "
     "in Durban.", "Jane Moyo", "visited", "Harare"),
    ("At a market in Accra on Tuesday, British Health Minister Jane Moyo said prices were rising.", "Jane Moyo",
     "visited", "Accra"),
    ("During his visit to Nairobi, French President Paul Roux met traders.", "Paul Roux", "visited", "Nairobi"),
    ("French President Paul Roux, accompanied by Foreign Minister Anne Vidal, visited Nairobi.", "Anne Vidal",
     "visited", "Nairobi"),
    ("French President Paul Roux, together with his wife Marie Roux, toured Nairobi.", "Marie Roux", "visited",
     "Nairobi"),
    ("French President Paul Roux visited the Louvre Abu Dhabi in Abu Dhabi.", "Paul Roux", "visited", "Abu Dhabi"),
    ("There were two state tours of Britain by Saudi monarchs. King Faisal visited in 1967.", "King Faisal",
     "visited", "Britain"),
    ("The Hong Kong delegation arrived in Hangzhou on Monday.", "Hong Kong delegation", "visited", "Hangzhou"),
    ("The Kenyan delegation arrived in Beijing on Monday. Media outlets covered the delegation's visit.",
     "Kenyan delegation", "visited", "Beijing"),
    ("Earlier in the day, the Kenyan delegation was warmly hosted at the Beijing Arts Academy.", "Kenyan delegation",
     "visited", "Beijing Arts Academy"),
    ("Chancellor Chris Kelly has been joined in China this week by Weta director Richard Taylor.", "Richard Taylor",
     "visited", "China"),
    ("Prince Edward will also join the UK delegation in Poland.", "UK delegation", "includes", "Prince Edward"),
    # the gathering's venue, given once, for those who attend it or come to it later in the article
    ("Ministers are arriving in the Swiss city of Geneva for the annual Alpine Forum. Peruvian President Ana Ruiz "
     "is among the leaders attending the meeting.", "Ana Ruiz", "visited", "Geneva"),
    ("The summit opens in Nairobi on Monday. Chilean ministers are coming to the summit.", "Chilean ministers",
     "visited", "Nairobi"),
    # includes
    ("The delegation includes Trade Minister Ana Silva and Finance Minister Paul Grant.", "delegation", "includes", "Paul Grant"),
    ("Members of OPEC include Saudi Arabia, Iraq and Iran.", "OPEC", "includes", "Iraq"),
    ("Hino Motors, a subsidiary of Toyota Motor Corporation, makes trucks.", "Toyota Motor Corporation", "includes", "Hino Motors"),
    ("Alphabet is the parent company of Google.", "Alphabet", "includes", "Google"),
    ("The consortium, which includes Siemens and Alstom, won the contract.", "consortium", "includes", "Alstom"),
    ("Philly Shipyard, which was acquired by Hanwha Ocean, builds ships.", "Hanwha Ocean", "includes", "Philly Shipyard"),
    # includes: a plural group and the names it lists
    ("Leading lenders, including Barclays and HSBC, raised their rates.", "leading lenders", "includes", "HSBC"),
    ("The firm supplies carmakers such as Renault and Fiat.", "carmakers", "includes", "Fiat"),
    ("Norway and Iceland are among the countries affected by the ban.", "countries", "includes", "Iceland"),
    ("He held talks with German firms Bosch, Siemens and BASF.", "German firms", "includes", "BASF"),
    ("The foreign partners are Repsol, Eni and Shell.", "foreign partners", "includes", "Eni"),
    ("The region's top officials, among them Governor Ana Reyes and Mayor Tom Price, will be there.", "top officials",
     "includes", "Tom Price"),
    ("Local sites under review include Mossel Bay/Knysna and George.", "local sites", "includes", "Knysna"),
    ("Water firm Aguas Andinas, controlled by France's Suez, raised prices.", "Suez", "includes", "Aguas Andinas"),
    ("In 2022, Hanwha acquired Daewoo Shipbuilding.", "Hanwha", "includes", "Daewoo Shipbuilding"),
    ("Viktor Makarov joined the KGB in 1970.", "KGB", "includes", "Viktor Makarov"),
    ("Acme Corp, Globex Inc and Initech Ltd make up the board.", "board", "includes", "Initech Ltd"),
    ("Official guests included Mayor Tom Hill, Ana Diaz and Rob Lee.", "official guests", "includes", "Rob Lee"),
    ("The city hired a consortium of Acme Corp, Globex Inc and Initech Ltd.", "consortium", "includes", "Globex Inc"),
    ("Michigan Steel will focus on its Diamond Lumber and Savannah Wholesale units.", "Michigan Steel", "includes",
     "Savannah Wholesale"),
    ("Globex Inc's subsidiary Initech Ltd objected.", "Globex Inc", "includes", "Initech Ltd"),
    ("Globex Inc, the owner of Initech Ltd, objected.", "Globex Inc", "includes", "Initech Ltd"),
    ("Globex Inc is the owner of Initech Ltd.", "Globex Inc", "includes", "Initech Ltd"),
    ("Initech Ltd was admitted as a member of the Tech Alliance.", "Tech Alliance", "includes", "Initech Ltd"),
    ("Martin Chemers is dean of the Division of Social Sciences at Stanford University.", "Stanford University",
     "includes", "Division of Social Sciences"),
    # locatedIn
    ("Dallas-based LCB Holdings makes steel joists.", "LCB Holdings", "locatedIn", "Dallas"),
    ("Shares of Paris-based Danone rose on Monday.", "Danone", "locatedIn", "Paris"),
    ("Kenya has many lenders. Acme Bank, the country's biggest lender, raised rates.", "Acme Bank", "locatedIn",
     "Kenya"),
    ("Peru's oldest university, San Marcos University, opened a campus.", "San Marcos University", "locatedIn", "Peru"),
    ("Investors include Banca Rossa and Banca Verde, both from Italy.", "Banca Verde", "locatedIn", "Italy"),
    ("Hangzhou is the capital of Zhejiang province.", "Hangzhou", "locatedIn", "Zhejiang"),
    ("Ford is based in Dearborn, Michigan.", "Dearborn", "locatedIn", "Michigan"),
    ("Germany's ZF Friedrichshafen makes gearboxes.", "ZF Friedrichshafen", "locatedIn", "Germany"),
    ("The Louvre, located in Paris, is a museum.", "Louvre", "locatedIn", "Paris"),
    ("Mount Kilimanjaro is a dormant volcano in Tanzania.", "Mount Kilimanjaro", "locatedIn", "Tanzania"),
    ("Gangnam District is one of the 25 districts of Seoul.", "Gangnam District", "locatedIn", "Seoul"),
    ("Heidelberg is a city in the German state of Baden-Württemberg.", "Heidelberg", "locatedIn", "Baden-Württemberg"),
    ("The Nordic Council is a forum for cooperation. Its members are Denmark and Iceland. It is based in Copenhagen.",
     "Nordic Council", "locatedIn", "Copenhagen"),
    ("Dangote Group, a conglomerate based in Lagos, owns Dangote Cement.", "Dangote Group", "includes", "Dangote Cement"),
    ("The bank runs branches in Lyon and Nice in France, Turin in Italy and Porto in Portugal.", "Turin",
     "locatedIn", "Italy"),
    ("The bank runs branches in Lyon and Nice in France, Turin in Italy and Porto in Portugal.", "Lyon",
     "locatedIn", "France"),
    ("Siemens has its headquarters in Munich.", "Siemens", "locatedIn", "Munich"),
    ("Acme Corp has its headquarters in Lyon and Nice.", "Acme Corp", "locatedIn", "Nice"),
    ("The team is based in Gatineau, Quebec, Canada.", "Gatineau", "locatedIn", "Quebec"),
    ("He died at Leicester, Leicestershire on 13 August 1954.", "Leicester", "locatedIn", "Leicestershire"),
    ("Reporters gathered at Interpol headquarters in Lyon.", "Interpol", "locatedIn", "Lyon"),
    ("Makerere University is one of Uganda's oldest universities.", "Makerere University", "locatedIn", "Uganda"),
    ("The tour takes in Kenya's largest city Nairobi.", "Nairobi", "locatedIn", "Kenya"),
    ("The Delaware-registered Acme Holdings filed the papers.", "Acme Holdings", "locatedIn", "Delaware"),
    # visited: a visitor's presence, told from a local's by nationality and the place's country
    ("Venezuelan President Carlos Mora signed the deal in Buenos Aires on Tuesday.", "Carlos Mora", "visited",
     "Buenos Aires"),
    ("Last week in Paris, Argentine minister Pablo Ruiz discussed the loan with bankers.", "Pablo Ruiz", "visited",
     "Paris"),
    ("Mayor Tom Hale, back from his holiday in Egypt, spoke on Monday.", "Tom Hale", "visited", "Egypt"),
    # visited: what a traveller does on the trip, and groups of people
    ("Health Minister Ana Okafor flew to Zambia on Monday. She will see a clinic in Ndola on Tuesday.", "Ana Okafor",
     "visited", "Ndola"),
    ("Representatives from Petrobras have visited the Rotterdam refinery.", "Representatives from Petrobras",
     "visited", "Rotterdam"),
    ("A Chinese delegation held talks in Nairobi on Monday.", "Chinese delegation", "visited", "Nairobi"),
    ("A delegation from Manila signed a trade deal in Jakarta.", "delegation", "visited", "Jakarta"),
    # signsAgreementWith
    ("Airbus signed deals with two airlines — Qantas and Emirates.", "Airbus", "signsAgreementWith", "Emirates"),
    ("Boeing announced a deal with Qantas on Monday.", "Boeing", "signsAgreementWith", "Qantas"),
    ("Nigerian banks Union Bank and First Bank have agreed plans to merge.", "Union Bank", "signsAgreementWith",
     "First Bank"),
    ("Hyundai CEO Jose Munoz signed a deal with Indonesian President Prabowo Subianto.", "Hyundai",
     "signsAgreementWith", "Prabowo Subianto"),
    ("Lund University Vice-Chancellor Professor Erik Renstrom and Oxford University Chancellor William Hague "
     "signed the agreement on Monday.", "Lund University", "signsAgreementWith", "Oxford University"),
    ("Acme Corp signed an agreement with Globex Inc on Monday.", "Acme Corp", "signsAgreementWith", "Globex Inc"),
    ("Volkswagen and Ford extended their alliance.", "Ford", "signsAgreementWith", "Volkswagen"),
    ("Chile and Peru held talks on Monday. The two sides were pleased to sign a trade pact.", "Chile",
     "signsAgreementWith", "Peru"),
    ("Acme Corp signed a memorandum to purchase most of the shares held by Globex Inc and Initech Ltd.", "Acme Corp",
     "signsAgreementWith", "Initech Ltd"),
    ("Acme Corp agreed to buy Globex Inc's stake in the venture.", "Acme Corp", "signsAgreementWith", "Globex Inc"),
    # "the government" is its country: the one the article is about
    ("Chile wants more investment from abroad. Chile has new rules. Acme Corp and the government signed a "
     "water deal in May.", "Acme Corp", "signsAgreementWith", "Chile"),
    ("Hyundai signed a memorandum of understanding with the Indonesian government.", "Hyundai", "signsAgreementWith", "Indonesia"),
    # a name's own acronym between it and its place; a lone word a place owns, however parsed
    ("The school is a joint venture with Lakeside Institute of Science and Technology (LIST) in Nairobi.",
     "Lakeside Institute of Science and Technology", "locatedIn", "Nairobi"),
    ("The two countries formalised a deal between Kenyan energy firm Kengen and Uganda's Ugenco.", "Ugenco",
     "locatedIn", "Uganda"),
    # agreements told in other ways (the probes of the generalisation issue, invented)
    ("Under the agreement signed on Monday by Acme Corp and Globex Inc, prices will fall.", "Acme Corp",
     "signsAgreementWith", "Globex Inc"),
    ("Acme Corp has been awarded a contract by Globex Inc to build a bridge.", "Acme Corp", "signsAgreementWith",
     "Globex Inc"),
    ("Globex Inc awarded Acme Corp a $40 million contract.", "Globex Inc", "signsAgreementWith", "Acme Corp"),
    ("Acme Corp won a contract from Globex Inc to build roads.", "Acme Corp", "signsAgreementWith", "Globex Inc"),
    ("A deal with Globex Inc was signed by Acme Corp on Tuesday.", "Acme Corp", "signsAgreementWith", "Globex Inc"),
    ("Acme Corp tied up with Globex Inc in a $2 billion deal.", "Acme Corp", "signsAgreementWith", "Globex Inc"),
    ("Acme Corp will buy the stake from Globex Inc for $2 billion.", "Acme Corp", "signsAgreementWith", "Globex Inc"),
    ("Kenya's President William Ruto and Ugandan President Yoweri Museveni signed the accord in Nairobi.",
     "William Ruto", "signsAgreementWith", "Yoweri Museveni"),
    # presence: the place attached to the one met, a guest at a facility, coming back from abroad
    ("Chinese Premier Wen Li met Kenyan President William Ruto in Nairobi on Friday.", "Wen Li", "visited", "Nairobi"),
    ("Indian Prime Minister Ravi Kumar held talks with his Australian counterpart in Canberra on Monday.",
     "Ravi Kumar", "visited", "Canberra"),
    ("Indian Prime Minister Ravi Kumar was welcomed at the airport in Canberra by Tom Hale.", "Ravi Kumar",
     "visited", "Canberra"),
    ("Indian Prime Minister Ravi Kumar returned from Kenya on Sunday.", "Ravi Kumar", "visited", "Kenya"),
    # places told in other ways (invented probes)
    ("Globex Inc, a Texas company, makes chips.", "Globex Inc", "locatedIn", "Texas"),
    ("Kengen Ltd of Kenya and Ugenco Ltd of Uganda agreed to merge.", "Ugenco Ltd", "locatedIn", "Uganda"),
    ("Thousands marched in Mombasa, on Kenya's coast, on Sunday.", "Mombasa", "locatedIn", "Kenya"),
    ("Thousands marched in Thika, on the outskirts of Nairobi, on Sunday.", "Thika", "locatedIn", "Nairobi"),
    ("The Louvre Abu Dhabi, located on Saadiyat Island, opened in 2017.", "Louvre Abu Dhabi", "locatedIn",
     "Saadiyat Island"),
    # members told in other ways (invented probes); a people's possessive inside a name
    ("The East African Community, whose members include Kenya and Uganda, met in Arusha.", "East African Community",
     "includes", "Uganda"),
    ("The board comprises Mary Smith, Rui Sousa and John Carter.", "board", "includes", "John Carter"),
    ("The team of negotiators consisted of Mary Smith, Rui Sousa and John Carter.", "team", "includes", "Rui Sousa"),
    ("The Kenya Farmers Party, the main constituent of the ruling National People's Alliance, met on Monday.",
     "National People's Alliance", "includes", "Kenya Farmers Party"),
    # visits told in other ways (invented probes)
    ("The visit by Chinese President Wen Li to Paris is his first in five years.", "Wen Li", "visited", "Paris"),
    ("Chinese President Wen Li's European tour, which takes in France, Serbia and Hungary, began on Monday.",
     "Wen Li", "visited", "Hungary"),
    ("Chinese President Wen Li is scheduled to be in Budapest on Thursday.", "Wen Li", "visited", "Budapest"),
    ("Chinese President Wen Li was greeted by crowds in Belgrade.", "Wen Li", "visited", "Belgrade"),
    ("French President Paul Roux welcomed Chinese President Wen Li to Paris on Monday.", "Wen Li", "visited", "Paris"),
    ("Hosting Chinese President Wen Li in Paris, French President Paul Roux called for fair trade.", "Wen Li",
     "visited", "Paris"),
    # across sentences: the pronoun or description that takes a name up (invented probes)
    ("Acme Corp was founded in 1901. Its headquarters are in Lyon.", "Acme Corp", "locatedIn", "Lyon"),
    ("Globex Inc is a chip maker in Texas. Acme Corp bought the firm in 2019.", "Acme Corp", "includes", "Globex Inc"),
    # sets told by what they include or bring together (invented probes)
    ("The group of lenders, which includes Acme Bank and Globex Bank, agreed to the plan.", "group", "includes",
     "Globex Bank"),
    ("The new alliance brings together Acme Corp, Globex Inc and Initech Corp.", "alliance", "includes", "Globex Inc"),
    # a short name after a sentence that ends in an abbreviation; an acronym tagged as a common noun
    ("Acme Holdings Ltd signed a deal with Globex Inc. Acme also signed a deal with Initech Corp.",
     "Acme Holdings Ltd", "signsAgreementWith", "Initech Corp"),
    ("The Industrial and Commercial Bank of China (ICBC) opened a branch. ICBC signed a deal with Globex Inc.",
     "Industrial and Commercial Bank of China", "signsAgreementWith", "Globex Inc"),
    ("German Chancellor Anna Weber led a trade mission to Beijing.", "Anna Weber", "visited", "Beijing"),
    ("German Chancellor Anna Weber toured Beijing's Forbidden City.", "Anna Weber", "visited", "Beijing"),
    ("Kenya's deal with the state-run Kengen Ltd signals continuity in its energy policy.", "Kenya",
     "signsAgreementWith", "Kengen Ltd"),
    ("The government of Kenya signed the accord with Uganda and Tanzania in April.", "Kenya", "signsAgreementWith",
     "Tanzania"),
    ("Acme Corp is majority-owned by Globex Group.", "Globex Group", "includes", "Acme Corp"),
    # a plural inside a list only describes the members: the outer whole includes them
    ("The delegation is headed by Minister Ann Wambui and includes faculty deans Professor Omar Diallo (Law) "
     "and Professor Rita Okafor (Arts).", "delegation", "includes", "Omar Diallo"),
    # a visitor's country from "Title Name of X" or a title in apposition; presence away from home
    ("Prime Minister Ana Costa of Portugal arrived in power in 2019. Last week in Nairobi, Prime Minister Costa "
     "discussed trade with Kenyan President William Ruto.", "Ana Costa", "visited", "Nairobi"),
    ("Portuguese Finance Minister, Rui Sousa, told reporters in Nairobi that the loan was ready.", "Rui Sousa",
     "visited", "Nairobi"),
    # an abbreviated title does not end the sentence; a subjectless verb after a stray noun
    ("The dinner was hosted by the Rector, Dr Ana Lima, and official guests included the Hon. Rita Okafor, "
     "Minister for Trade and Industry, the Hon. Paul Mensah and Mayor Tom Price.", "official guests", "includes",
     "Paul Mensah"),
    ("The dinner was hosted by the Rector, Dr Ana Lima, and official guests included the Hon. Rita Okafor, "
     "Minister for Trade and Industry, the Hon. Paul Mensah and Mayor Tom Price.", "official guests", "includes",
     "Tom Price"),
    # asides in parentheses after list items
    ("The bank's foreign investors include Globex Holdings (32.8%), Initech Corp (12%) and Acme Ltd.",
     "foreign investors", "includes", "Acme Ltd"),
    # a name with a lower-case particle stays one name
    ("The bank's foreign investors include Banca Rossi del Lavoro and Monte dei Paschi.", "foreign investors",
     "includes", "Monte dei Paschi"),
    # a region named before its administrative noun is in the country after "of"
    ("Shelling hit the Kherson region of southern Ukraine.", "Kherson", "locatedIn", "Ukraine"),
    # a surname the NER alone calls a place is the person named in full before
    ("Portuguese Prime Minister Ana Costa is on a tour of Africa. Ana Costa is in Nairobi this week to discuss "
     "trade.", "Ana Costa", "visited", "Nairobi"),
    ("Portuguese Prime Minister Ana Costa is on a tour of Africa. Ana Costa held talks with William Ruto in Nairobi.",
     "Ana Costa", "visited", "Nairobi"),
    ("Acme Corp, a Globex Inc subsidiary, makes chips.", "Globex Inc", "includes", "Acme Corp"),
    ("The Oregon Forum, made up of Acme Corp and Globex Inc, met in Paris.", "Oregon Forum", "includes", "Globex Inc"),
    ("The Austin firm Acme Corp makes chips.", "Acme Corp", "locatedIn", "Austin"),
    ("Acme Corp, one of Britain's largest carmakers, cut jobs.", "Acme Corp", "locatedIn", "Britain"),
    # a plural group that the chunker leaves inside the first name's noun phrase
    ("He discussed possible deals with French companies Rhone-Valmy, Pechard and Imet.", "French companies",
     "includes", "Imet"),
    # an item described in the list ("the India-registered B") and a list after "by Ns: the ..."
    ("The ministry roped in a consortium of Acme Services, the India-registered Globex Global, and Initech Ltd.",
     "consortium", "includes", "Initech Ltd"),
    ("The Asia Centre was joined soon by four other NZ universities: the University of Otago, the University of "
     "Waikato and the University of Canterbury.", "Asia Centre", "includes", "University of Canterbury"),
    # the names listed after a plural and a colon are the sides of the agreement
    ("The University of Lagos has signed agreements with three Ghanaian universities: Kumasi University, Volta "
     "Agricultural University and Tamale University.", "University of Lagos", "signsAgreementWith",
     "Volta Agricultural University"),
    ("The University of Lagos has signed agreements with three Ghanaian universities: Kumasi University, Volta "
     "Agricultural University and Tamale University.", "three Ghanaian universities", "includes", "Tamale University"),
    ("Shares of the Seoul carmaker Hyundai Motor rose.", "Hyundai Motor", "locatedIn", "Seoul"),
    # a place at the end of a chain of phrases after "located"
    ("The Alder Ski Museum is located at the foot of the old ski jump in Oslo.", "Alder Ski Museum", "locatedIn",
     "Oslo"),
    # a relative clause of presence, a place as the modifier of the trip noun, "in X, in southern Y"
    ("Indian Prime Minister Narendra Modi, who is in Moscow for talks, met Vladimir Putin.", "Narendra Modi", "visited", "Moscow"),
    ("Indian Prime Minister Narendra Modi's two-day Russia trip ended on Tuesday.", "Narendra Modi", "visited", "Russia"),
    ("The talks took place in Mosul, in northern Iraq.", "Mosul", "locatedIn", "Iraq"),
    ("Toyota and Panasonic agreed to set up a battery joint venture.", "Toyota", "signsAgreementWith", "Panasonic"),
    ("Unilever and Alibaba unveiled a partnership deal on Monday.", "Unilever", "signsAgreementWith", "Alibaba"),
    # the second syllable of a romanised given name after a hyphen belongs to the name
    ("Mr Ng Kwok-wai, the chairman of Acme Holdings, visited Tokyo.", "Ng Kwok-wai", "visited", "Tokyo"),
    ("Prince Charles began a three-day tour of Sri Lanka on Monday.", "Prince Charles", "visited", "Sri Lanka"),
    # a sale to a buyer and a supply under a contract are deals with the other side
    ("Texaco Inc said it had completed the sale of its Canadian unit to Imperial Oil.", "Texaco", "signsAgreementWith", "Imperial Oil"),
    ("LG Energy Solution will supply batteries to General Motors under a new contract.", "LG Energy Solution",
     "signsAgreementWith", "General Motors"),
    ("Indian Prime Minister Narendra Modi will receive a guard of honour at the Independence Square in Colombo.",
     "Narendra Modi", "visited", "Independence Square"),
    # a chain of places before a clause joined by "and" is still a chain; an organisation and its place
    ("Kretsinger was born in Fairfield, New York, and entered service in 1862.", "Fairfield", "locatedIn", "New York"),
    ("The park lies in Nueva Ecija, Philippines, and borders the Sierra Madre.", "Nueva Ecija", "locatedIn", "Philippines"),
    ("He studied law at Balliol College, Oxford.", "Balliol College", "locatedIn", "Oxford"),
    ("The Tokyo-headquartered company Sony cut its forecast.", "Sony", "locatedIn", "Tokyo"),
    # a planned arrival; a visit written after the visitor's name; a government is its country
    ("US Secretary of State Condoleezza Rice is due in Jerusalem on Sunday.", "Condoleezza Rice", "visited", "Jerusalem"),
    ("British Prime Minister Rishi Sunak, on a visit to Kyiv, pledged support.", "Rishi Sunak", "visited", "Kyiv"),
    ("The Government of Sri Lanka signed an agreement with India.", "Sri Lanka", "signsAgreementWith", "India"),
    ("The Indian Government signed an agreement with Sri Lanka.", "India", "signsAgreementWith", "Sri Lanka"),
    ("Indonesia became a full member of BRICS in January.", "BRICS", "includes", "Indonesia"),
    # a team whose members are named is a set; deals agreed on or signed between two sides; a takeover by
    ("The team, led by Professor Jane Smith, includes researchers John Doe and Mary Roe.", "team", "includes", "Mary Roe"),
    ("The pact was signed between Kenya and Uganda.", "Kenya", "signsAgreementWith", "Uganda"),
    ("Vietnam and the Philippines agreed on a maritime pact.", "Vietnam", "signsAgreementWith", "Philippines"),
    ("The acquisition of Activision Blizzard by Microsoft was completed in October.", "Microsoft", "includes",
     "Activision Blizzard"),
    ("Inditex, the owner of Zara, reported higher sales.", "Inditex", "includes", "Zara"),
    # the subject of a clause is the one who did what a phrase before it says ("Since arriving in ...")
    ("Since arriving in Kenya on Monday, King Charles has met President Ruto.", "King Charles", "visited", "Kenya"),
    # where a place lies, however the parser attached its phrases; the name of a place's part
    ("Fighting continued around Kherson, in southern Ukraine, on Monday.", "Kherson", "locatedIn", "Ukraine"),
    ("Strikes hit Rafah in southern Gaza overnight.", "Rafah", "locatedIn", "Gaza"),
    ("The company is based in Shenzhen, in China's Guangdong province.", "Shenzhen", "locatedIn", "Guangdong province"),
    ("Police raided homes in Nairobi's Kibera slum.", "Kibera", "locatedIn", "Nairobi"),
    ("Doctors at the Al-Shifa hospital in Gaza City said dozens were hurt.", "Al-Shifa", "locatedIn", "Gaza City"),
    ("Nigeria's Dangote Group signed an MoU with Morocco's OCP.", "Dangote Group", "signsAgreementWith", "OCP"),
    ("Brazilian President Lula da Silva's plane touched down in Hanoi on Sunday.", "Lula da Silva", "visited", "Hanoi"),
    ("The delegation comprising Minister Ali Khan and Minister Omar Farouk arrived in Doha.", "delegation",
     "includes", "Omar Farouk"),
    # a place or organisation that is in a place, or on its edge
    ("Makerere University is in Kampala.", "Makerere University", "locatedIn", "Kampala"),
    ("Camp Bastion lies on the outskirts of Lashkar Gah.", "Camp Bastion", "locatedIn", "Lashkar Gah"),
    ("Mount Kenya University is on the edge of Thika.", "Mount Kenya University", "locatedIn", "Thika"),
    # a trip begun or ended in a place; a name whose particle the NER kept apart from its last word
    ("Mr Li wrapped up his three-nation tour in Berlin.", "Li", "visited", "Berlin"),
    ("Ms von der Leyen arrived in Kyiv by train.", "von der Leyen", "visited", "Kyiv"),
    # agreeing with someone on a deal, or to do something together
    ("Siemens has agreed with Alstom on the sale of its signalling unit.", "Siemens", "signsAgreementWith", "Alstom"),
    ("Boliden said it had agreed with Saudi Aramco to open a gold mine.", "Boliden", "signsAgreementWith",
     "Saudi Aramco"),
    # sides of a signing raised to the verb that governs "sign"; a list the parser did not coordinate
    ("Kenya and China are expected to sign a loan agreement next week.", "Kenya", "signsAgreementWith", "China"),
    ("The two countries formalised a deal between Venezuelan energy firm PDVSA and Argentina's Enarsa.",
     "Enarsa", "signsAgreementWith", "PDVSA"),
    # a set whose phrase holds a name's own chunk ("the University of Waikato alumni")
    ("Among the high-profile University of Waikato alumni attending is Teuku Faizasyah, a spokesman.",
     "alumni", "includes", "Teuku Faizasyah"),
    # who travels is a person, whatever the NER said
    ("After stops in Hanoi and Manila, Blinken headed to Seoul.", "Blinken", "visited", "Seoul"),
    # a perfect of going; a visit to a facility in a place
    ("Prime Minister Keir Starmer has been to Washington twice since taking office.", "Keir Starmer", "visited",
     "Washington"),
    ("Dutch King Willem-Alexander paid a visit to a refugee camp in Jordan.", "Willem-Alexander", "visited", "Jordan"),
    # a facility named for a place the article names: the name says where it is (a unit is no word of it)
    ("Protesters in Mannar oppose the proposed 250 MW Mannar Wind Power Project by Adani Green Energy.",
     "Mannar Wind Power Project", "locatedIn", "Mannar"),
    # Y's X read from the words however parsed
    ("GBS Technology and IVS Global Services partner India’s Ministry of External Affairs.",
     "Ministry of External Affairs", "locatedIn", "India"),
    # signatories with their offices in apposition, and the bodies they sign for
    ("The agreement was signed by Professor Jane Smith, Provost of Monash University, and Dr Li Wei, "
     "Vice-President of Fudan University.", "Monash University", "signsAgreementWith", "Fudan University"),
    # X's parent company A
    ("Google's parent company Alphabet reported earnings.", "Alphabet", "includes", "Google"),
    ("HD Hyundai's holding company HD Holdings raised funds.", "HD Holdings", "includes", "HD Hyundai"),
    # an active participle's agent is the name it describes; reaching a place; a trip that "will be to"
    ("British Foreign Secretary David Cameron, visiting Kyiv, promised more aid.", "David Cameron", "visited", "Kyiv"),
    ("South Korean President Yoon Suk Yeol reached Astana on Tuesday.", "Yoon Suk Yeol", "visited", "Astana"),
    ("Chinese President Xi Jinping's first foreign trip this year will be to Serbia.", "Xi Jinping", "visited", "Serbia"),
    ("Japanese Prime Minister Fumio Kishida laid a wreath at the Seoul National Cemetery.", "Fumio Kishida", "visited",
     "Seoul National Cemetery"),
    # a place the NER took for a language
    ("Ms Meloni was in Tunis for talks with President Saied.", "Meloni", "visited", "Tunis"),
    # a contract awarded by X to Y (and one NER span for both names cut at the verb's preposition);
    # a deal struck with Y is the clause subject's
    ("The contract, awarded by the Ministry of Defence to BAE Systems, is worth 1bn pounds.", "Ministry of Defence",
     "signsAgreementWith", "BAE Systems"),
    ("Under a deal struck with Ukraine, Poland will buy grain.", "Poland", "signsAgreementWith", "Ukraine"),
    ("The BRICS bloc expanded to include Iran and Egypt.", "BRICS", "includes", "Egypt"),
    # a body that hosts a guest is visited (an organisation's premises); sites and stays at a body
    ("The University of Otago hosted a delegation from Nanjing University last week.", "delegation", "visited",
     "University of Otago"),
    ("The Chinese Ambassador, Wang Xiaolong, visited Massey University's Palmerston North campus.", "Wang Xiaolong",
     "visited", "Massey University"),
    ("Professor Li Wei of Fudan University gave a lecture at Victoria University of Wellington.", "Li Wei", "visited",
     "Victoria University of Wellington"),
    # a company group and its affiliates: the part word between the names, and the parent kept apart
    ("Samsung Group affiliates Samsung Electronics and Samsung SDI will invest $10bn.", "Samsung Group", "includes",
     "Samsung SDI"),
    ("HD Hyundai's shipbuilding units include HD Hyundai Heavy Industries and Hyundai Mipo Dockyard.", "HD Hyundai",
     "includes", "HD Hyundai Heavy Industries"),
    ("The memorandum of understanding between Massey University and Zhejiang University was signed on Monday.",
     "Massey University", "signsAgreementWith", "Zhejiang University"),
    # a trip whose "to" the parser hangs one phrase further down; a courtesy call; a venue of a welcome
    ("Japanese Prime Minister Sanae Takaichi made her first overseas trip as leader to Malaysia.", "Sanae Takaichi",
     "visited", "Malaysia"),
    ("India's Foreign Minister S. Jaishankar called on Prime Minister Harini Amarasuriya in Colombo.", "Jaishankar",
     "visited", "Colombo"),
    ("President Dissanayake was welcomed at the Rashtrapati Bhavan by Indian President Droupadi Murmu.",
     "Dissanayake", "visited", "Rashtrapati Bhavan"),
    # ownership told in the passive, membership by "groups" (invented probes)
    ("Instagram is owned by Meta.", "Meta", "includes", "Instagram"),
    ("WhatsApp was acquired by Facebook in 2014.", "Facebook", "includes", "WhatsApp"),
    ("The Quad, which groups the US, India, Japan and Australia, met in Tokyo.", "Quad", "includes", "Japan"),
    # a surname the tagger took for a common noun at the start of a sentence is still the person's
    ("Keir Starmer is on a trade mission. Starmer touched down in Mumbai on Saturday.", "Keir Starmer", "visited",
     "Mumbai"),
    ("British Prime Minister Keir Starmer is on a trade mission. Starmer, speaking in Mumbai on Sunday, said trade was back on track.",
     "Keir Starmer", "visited", "Mumbai"),
    # where a company is, told in an apposition or a relative clause
    ("Pacific Edge, a Dunedin company, made a loss.", "Pacific Edge", "locatedIn", "Dunedin"),
    ("Pacific Edge, a biotech company from Dunedin, made a loss.", "Pacific Edge", "locatedIn", "Dunedin"),
    ("Pacific Edge, whose headquarters is in Dunedin, made a loss.", "Pacific Edge", "locatedIn", "Dunedin"),
    # a party to a deal whom nothing else types is a company ("Maersk" is a product to the small model)
    ("Maersk signed a partnership agreement with Siemens.", "Maersk", "signsAgreementWith", "Siemens"),
    # who leaves a school to go somewhere goes there; the school stays
    ("Michael Howard left Llanelli Grammar School to go to Cambridge University.", "Michael Howard", "visited",
     "Cambridge University"),
    # a pronoun in a phrase set before its clause refers forward, even when an earlier person could take it
    ("Sir Alan Budd wrote the report. At the end of his trip to Egypt, Mr Blair said he still trusted him.", "Blair",
     "visited", "Egypt"),
    # a place before a plural of companies names each company's country; a unit of a place is there
    ("US car firms General Motors and Ford cut production.", "Ford", "locatedIn", "US"),
    ("Chrysler, the US unit of DaimlerChrysler, sold more cars.", "Chrysler", "locatedIn", "US"),
    # a deal to supply someone is a deal with them; agreeing to a buyout or accepting an offer is a deal
    # with the bidder; taking over a company makes it one's own
    ("Mitsubishi Motors has struck a deal to supply French car maker Peugeot with 30,000 vehicles.",
     "Mitsubishi Motors", "signsAgreementWith", "Peugeot"),
    ("Acme Corp signed a contract to supply Globex Inc with 60 trains.", "Acme Corp", "signsAgreementWith", "Globex"),
    ("Last week, MCI agreed to a buyout by Verizon Communications.", "MCI", "signsAgreementWith", "Verizon"),
    ("Acme Corp accepted a takeover offer from Globex Inc.", "Acme Corp", "signsAgreementWith", "Globex"),
    ("Vodafone took over Mannesmann in 2000.", "Vodafone", "includes", "Mannesmann"),
    ("Bank of America snapped up rival bank FleetBoston last March.", "Bank of America", "includes", "FleetBoston"),
    # an office said with its country ("the Pakistani president") is the person introduced with the office
    ("Prime Minister Tony Blair welcomed President Pervez Musharraf on Monday. Files about the Pakistani "
     "president's visit to London were found.", "Pervez Musharraf", "visited", "London"),
    # a place between an owner and its headquarters or office is where the owner sits; a place-based
    # before a noun that a name modifies places the name
    ("Delegations have been heading to the SEC's Washington DC headquarters to protest.", "SEC", "locatedIn",
     "Washington DC"),
    ("Acme Corp's Dallas office will close.", "Acme Corp", "locatedIn", "Dallas"),
    ("The Paris-based IEA watchdog said demand rose.", "IEA", "locatedIn", "Paris"),
    # a unit named by the word before "unit": of its owner, or of the company that has it
    ("Novacorp bought the Tarvisk unit of Ostrem Oil in December.", "Ostrem Oil", "includes", "Tarvisk"),
    ("Ostrem said on Monday that it sold its Tarvisk unit to Novacorp last year.", "Ostrem", "includes", "Tarvisk"),
    # arriving at an institution's premises; a place and a point of the compass (a constituency) is a
    # place; a fronted "his" before a trip named by its place; the streets of a place; a lecture tour
    # named by its country; places given as examples of where one goes
    ("The protest began as Mr Daniel Hurst and Ms Carla Vine arrived at Denton High School for Girls.",
     "Daniel Hurst", "visited", "Denton High School"),
    ("Green Party leader Maya Ford has begun a tour. On Tuesday Ms Ford will visit Leicester South, where her party "
     "won the seat.", "Maya Ford", "visited", "Leicester South"),
    ("At the end of his Middle East trip, Prime Minister Tom Barlow said he still admired his colleague.",
     "Tom Barlow", "visited", "Middle East"),
    ("When Lord Edwin Carver toured the streets of Brixton his presence was electrifying.", "Edwin Carver", "visited",
     "Brixton"),
    ("Ruth Marlow gave a private address during a United States lecture tour.", "Ruth Marlow", "visited", "United States"),
    ("Green Party leader Maya Ford has begun a tour. Later she will visit places, such as Liverpool, where the party "
     "is weak.", "Maya Ford", "visited", "Liverpool"),
    # a place the NER gives alone, which with the word after it is the company named before
    ("Michigan General Corp said it agreed to sell its Krestline subsidiaries to LCB Holdings Inc. Sale of Utah-based "
     "Krestline, a maker of doors, door frames and other products, will allow Michigan General to concentrate on "
     "retailing through its Birchwood Lumber and Maple Wholesale units.", "Michigan General", "includes",
     "Maple Wholesale"),
    # a unit bought by its name; "whose X subsidiary"; a board member of a named body; "an EU member"
    ("State-owned Novaneft bought the Tarvisk unit for $9bn in a forced sale.", "Novaneft", "includes", "Tarvisk"),
    ("Venezuela will seize land owned by Halden Group. The firm, whose Agrovia subsidiary operates 13 farms in "
     "Venezuela, said it had complied with the law.", "Halden Group", "includes", "Agrovia"),
    ("He denied that he had once told fellow Globex board member Bert Hollis about the fraud.", "Globex", "includes",
     "Bert Hollis"),
    ("Cyprus is an EU member.", "EU", "includes", "Cyprus"),
    ("Turkey, a Nato member, has objected to the plan.", "Nato", "includes", "Turkey"),
    # the place as the object of "arrived"; "the visit of X to Y"
    ("French President Paul Girard arrived Nigeria on Tuesday and was hosted by President Musa Bello.", "Paul Girard",
     "visited", "Nigeria"),
    ("The meeting took place at the end of the visit of a high-level delegation of Pakistan to Beijing.", "delegation",
     "visited", "Beijing"),
    # two universities the NER ran into one name sign with each other
    ("Karvel University and University of Tamsworth (UOT), Australia, signed a general memorandum of understanding "
     "(MoU) for student exchange.", "Karvel University", "signsAgreementWith", "University of Tamsworth"),
    # the two sides joined by a hyphen before the agreement signed
    ("The Dhaka-Hanoi trade agreement was signed on Monday.", "Dhaka", "signsAgreementWith", "Hanoi"),
    # an office named with its place before its holder's name: the holder is the member
    ("The Chinese delegation included China's Ambassador to Bangladesh Yao Ming and Director General Li Wei.",
     "delegation", "includes", "Yao Ming"),
    # a set of organisations that may have people for members
    ("Opposition parties, including Tendai Biti, boycotted the vote.", "Opposition parties", "includes", "Tendai Biti"),
    # after a plural noun, two names joined by "and" are two members (the NER ran them into one)
    ("German firms Acme and Globex signed a deal.", "Acme", "signsAgreementWith", "Globex"),
    ("German firms Acme and Globex signed a deal.", "German firms", "includes", "Globex"),
    # plurals coordinated with the group noun, and the plural a quantity counts, are part of its name
    ("Nearly 50 banks, insurers and pension funds, such as Halvorsen Bank and Rill Mutual, backed the plan.",
     "banks, insurers and pension funds", "includes", "Rill Mutual"),
    ("Dozens of universities, colleges and research institutes, including Strathmore University, joined the scheme.",
     "universities, colleges and research institutes", "includes", "Strathmore University"),
    ("A number of companies, including Acme Corp, bid for the contract.", "number of companies", "includes", "Acme Corp"),
    # a body one organisation founds is its own (one that two found is neither's alone)
    ("The Kestrel Institute has launched the Ocean Research Centre.", "Kestrel Institute", "includes",
     "Ocean Research Centre"),
    ("Brightwell, which bought Globex and Initech, has launched Corvane Capital.", "Brightwell", "includes",
     "Corvane Capital"),
    # the governments or ministers of named countries sign for them (the countries were once read as portfolios)
    ("The governments of Malawi and Zambia signed a memorandum of understanding to build a railway.", "Malawi",
     "signsAgreementWith", "Zambia"),
    ("The foreign ministers of Peru and Chile signed a border pact in Lima.", "Peru", "signsAgreementWith", "Chile"),
    # an acronym the tagger took for a verb is the first word of the company name after it
    ("China's largest railway vehicle manufacturer CRRC Weihai Rolling Co., Ltd. recently signed a contract with "
     "Brazilian mining company Vale.", "CRRC Weihai Rolling", "signsAgreementWith", "Vale"),
    # a body's word that leads its name in Malay, and the name the NER cut from it, are one name;
    # a "Memorandum" written with a capital is still a memorandum
    ("Universiti Kebangsaan Sabah and Universiti Tenggara Perak signed an agreement with the University of Leeds.",
     "Universiti Kebangsaan Sabah", "signsAgreementWith", "University of Leeds"),
    ("Kestrel University has signed a Memorandum of Understanding (MoU) with the University of Leeds.",
     "Kestrel University", "signsAgreementWith", "University of Leeds"),
    # the NER stopped before a name's last word ("[Lê Minh] Đức"); a capitals dateline before a dash
    ("Prime Minister Lê Minh Đức and the official delegation arrived in China on Sunday.", "Lê Minh Đức",
     "visited", "China"),
    ("HÀ NỘI — Deputy Prime Minister Trần Văn Hà arrived in Laos on Sunday for an official visit.", "Trần Văn Hà",
     "visited", "Laos"),
    # a visit to an organisation's premises (its factory, plant, headquarters) is a visit to it
    ("President Amina Odera paid a visit to the headquarters of Kestrel Telecom on Monday.", "Amina Odera", "visited",
     "Kestrel Telecom"),
    ("President Amina Odera visited the Kestrel Telecom headquarters on Monday.", "Amina Odera", "visited",
     "Kestrel Telecom"),
    ("President Amina Odera visited the factory of Kestrel Motors in Ninh Binh province.", "Amina Odera", "visited",
     "Kestrel Motors"),
    # a visit takes in every item of its list, each with its own place
    ("Minister Jane Doe visited Lyon in France and Oporto in Portugal.", "Jane Doe", "visited", "Oporto"),
    # "Y, where X is based"; a Y-based description before its name, in apposition or not
    ("The move will secure 60 jobs in Belfast, where Kestrel Avionics has been based since 1993.", "Kestrel Avionics",
     "locatedIn", "Belfast"),
    ("He will highlight the contract to be made in collaboration with the Mumbai-based public sector firm, Kestrel "
     "Dock Builders Limited (KDBL).", "Kestrel Dock Builders Limited", "locatedIn", "Mumbai"),
    ("The deal was signed with the Mumbai-based firm Kestrel Docks.", "Kestrel Docks", "locatedIn", "Mumbai"),
    # the NER's last word of a name kept; the short form is one of two surnames ("Duque" of "Andrés Duque Márquez")
    ("Colombia President Andrés Duque Márquez Wednesday praised relations with Argentina. Meanwhile Fernández "
     "invited Duque over to visit Argentina at the earliest time possible.", "Andrés Duque Márquez", "visited",
     "Argentina"),
    # the sides of what a deal is for are its sides
    ("An MoU for cooperation in the field of tourism and business events between Qatar and Pakistan was signed by "
     "the two ministers.", "Qatar", "signsAgreementWith", "Pakistan"),
    # the words of a title's portfolio are no name, where the NER found none ("Minister of Planning and Development")
    ("Minister of Planning and Development Ahsan Iqbal visited Beijing on Monday.", "Ahsan Iqbal", "visited", "Beijing"),
    # a facility's kind, "of" and the name after it are one name
    ("The Port of Trincomalee is located in the Eastern Province.", "Port of Trincomalee", "locatedIn",
     "Eastern Province"),
    # a name with capitals inside is a name whatever its tag ("KeNHA", tagged a number)
    ("A partnership to build the Nairobi-Nakuru highway was signed between KeNHA and Vinci Concessions.", "KeNHA",
     "signsAgreementWith", "Vinci Concessions"),
    # a name the parser hung inside a title's portfolio is kept (not taken for more of the portfolio)
    ("The accord was signed by the Egyptian Minister of Petroleum Tarek El-Molla and Bandar bin Ibrahim AlKhorayef, "
     "the Saudi Minister of Industry.", "Tarek El-Molla", "signsAgreementWith", "Bandar bin Ibrahim AlKhorayef"),
    # a relative clause that includes a title and its holder's name makes a set of the noun it describes
    ("The commission, which includes the economist Ilse Varga, met in Oslo on Monday.", "commission", "includes",
     "Ilse Varga"),
    # a body's members, by possessive or "of", are its members
    ("A new alliance was launched in Lisbon. The alliance's members include Dravon Holdings and Kessler Bank.",
     "alliance", "includes", "Dravon Holdings"),
    ("Members of the alliance are Dravon Holdings and Kessler Bank.", "alliance", "includes", "Kessler Bank"),
    # a name that a phrase with "with" is set after does what the phrase says
    ("Kessler Bank, with headquarters in Lisbon, reported higher profits.", "Kessler Bank", "locatedIn", "Lisbon"),
    # the place naming a seat, with the owner after "of"
    ("The Lisbon headquarters of Kessler Bank was closed on Monday.", "Kessler Bank", "locatedIn", "Lisbon"),
    # the participle the NER took into a place's name is no part of it
    ("Lisbon-headquartered Vanta Bank reported higher profits.", "Vanta Bank", "locatedIn", "Lisbon"),
    # a steelworks is a facility
    ("The Kelvin Steelworks in Braga will close next year.", "Kelvin Steelworks", "locatedIn", "Braga"),
    # what a place noun names with "of" is a place, though it looks like a plural
    ("The port of Leixoes in northern Portugal handled more cargo.", "Leixoes", "locatedIn", "Portugal"),
    # a possessive on the second of two coordinated names is the first's ("X and its subsidiary Y")
    ("The city's delegation met the leaders of Kessler Group and its subsidiary Kessler Logistics in Lisbon.",
     "Kessler Group", "includes", "Kessler Logistics"),
    # a body's description in apposition to its name is the name ("Mercosur, a trade bloc made up of")
    ("Chile signed a trade deal with Mercosur, a trade bloc made up of Argentina, Brazil, Paraguay and Uruguay.",
     "Mercosur", "includes", "Brazil"),
    # a contract awarded to someone is a deal with them
    ("Vanta Bank awarded a contract to Ostrel on Monday.", "Vanta Bank", "signsAgreementWith", "Ostrel"),
    # an alliance or a coalition of names is a set of them, countries or firms
    ("An alliance of Ostrel and Vanta Bank won the bid.", "alliance", "includes", "Vanta Bank"),
    ("A coalition of Kenya and Uganda won the bid.", "coalition", "includes", "Uganda"),
    # a place owns the company named first after its possessive, whoever is named after that
    ("The premier met the chief executive of Japan's Marubeni Corporation Masumi Kakinoki in Hanoi.",
     "Marubeni Corporation", "locatedIn", "Japan"),
    # a headline's two sides, a comma between them ("A, B sign deal")
    ("Nepal, India sign long-term power pact", "Nepal", "signsAgreementWith", "India"),
    # two sides enter into a deal together
    ("Kelvin University and Marsh College enter into MoU", "Kelvin University", "signsAgreementWith", "Marsh College"),
    # a headline's "signs" that the tagger takes for a noun
    ("Ministry of Transport signs MoU with Port Kelang", "Ministry of Transport", "signsAgreementWith", "Port Kelang"),
    # a finite verb of going that the parser hung on its subject as a clause ("[a delegation] travelled to")
    ("A delegation travelled to Miami on Tuesday.", "delegation", "visited", "Miami"),
    # the signed copies of a deal exchanged between two sides
    ("The second MoU was exchanged between Ostrel and Vanta Bank on Monday.", "Ostrel", "signsAgreementWith",
     "Vanta Bank"),
    # a body's member countries listed in brackets after its name
    ("Talks covered ties between the Andean Community (Peru, Bolivia, Ecuador and Colombia) and Mercosur.",
     "Andean Community", "includes", "Bolivia"),
    # people listed after a plural title are its holders, not its portfolios
    ("The envoy will meet top political leaders, including two former prime ministers, Labour Party president Amos "
     "Kiprono Ruto, and Green Party chairman Tendai Moyo Banda.", "top political leaders", "includes",
     "Tendai Moyo Banda"),
    # a name's description holds whatever the clause around it weighs or hopes
    ("Ostrel is considering a bid for the Kelvin Mine, located in Western Australia.", "Kelvin Mine", "locatedIn",
     "Western Australia"),
    # a body whose name ends in "of" and a place the article names is in that place (not a school's region)
    ("Malawi signed the accord. The Ministry of Fisheries of Malawi will run the scheme.",
     "Ministry of Fisheries of Malawi", "locatedIn", "Malawi"),
    # more objects of the verb after "along with"
    ("The delegation included General Alda Renk along with Minister Marco Tesh, Minister Ivo Brand and others.",
     "delegation", "includes", "Ivo Brand"),
    # a list of members the parser split at its first comma, after the body and "members"
    ("In return, SADC members Zambia, Malawi, Botswana, and Namibia will expand market access for farm goods.", "SADC",
     "includes", "Botswana"),
    # three sides of one agreement, each pair of them
    ("Egypt, Ethiopia and Sudan are expected to sign an agreement on the dam.", "Ethiopia", "signsAgreementWith", "Sudan"),
    # an agreement named by its two sides, with no verb
    ("What to expect from the Kenya-Tanzania agreement to build a railway", "Kenya", "signsAgreementWith", "Tanzania"),
    # a fronted "his" refers forward to the subject, even of a verb that comments ("welcomed")
    ("As part of his state visit to Malawi, President Ivo Brand was welcomed with a ceremony.",
     "Ivo Brand", "visited", "Malawi"),
    # "the Asian country" is one of Asia's
    ("China and Brazil signed a deal in Beijing. Minister Ivo Brand of Brazil led the official Brazilian mission to "
     "the Asian country in May.", "Ivo Brand", "visited", "China"),
    # of two subjects the parser gave one verb, the nearest before it
    ("Kenya/Uganda – A week before Malawi officially joined COMESA, the two leaders met in Nairobi.",
     "COMESA", "includes", "Malawi"),
    # a building named for an office, not a person with a title
    ("The talks were held at the Prime Minister House in Islamabad on Monday.", "Prime Minister House", "locatedIn",
     "Islamabad"),
    # gatherings that give bodies as their examples are a set of them
    ("The two sides agreed to strengthen coordination at regional and international forums like ASEAN, APEC and ASEM.",
     "forums", "includes", "APEC"),
    # a country in a region the place tables do not hold
    ("Ghana is a country in West Africa.", "Ghana", "locatedIn", "West Africa"),
    # a nationality adjective of a place noun puts the place in that country
    ("Talks were held in Lusaka, the Zambian capital, on Friday.", "Lusaka", "locatedIn", "Zambia"),
    ("The envoy flew to the Peruvian capital, Lima, for talks.", "Lima", "locatedIn", "Peru"),
    ("The firm opened a plant in the southern Indian city of Chennai.", "Chennai", "locatedIn", "India"),
    # "leave next week for X to negotiate", parsed as a clause "for X to negotiate"
    ("Minister Tan Boon will leave next week for Washington to renegotiate an agreement.", "Tan Boon", "visited",
     "Washington"),
    # the month of "in May" is no word of the name after it
    ("Shares of Brantex rose. In May Brantex signed a technology licensing agreement with Eli Lilly worth up to 1.9 "
     "trillion won.", "Brantex", "signsAgreementWith", "Eli Lilly"),
    # "a consortium comprising A and B", which the parser takes for an adverbial of the participle
    ("The contract went to a consortium comprising Velor Corp and Brantex Inc.", "consortium", "includes", "Brantex Inc"),
    ("The Polish Armament Agency and a consortium comprising Velor Corp and Brantex Inc signed the deal in Warsaw.",
     "consortium", "includes", "Velor Corp"),
    # an agreement made between two sides; a merger into another company; the owner of a deal and its other party
    ("In December, a quiet agreement was made between the Velor Agency and Brantex Inc.", "Velor Agency",
     "signsAgreementWith", "Brantex Inc"),
    ("Foote Tools Co said it has signed a letter of intent to merge into Brantex Corp for cash.", "Foote Tools Co",
     "signsAgreementWith", "Brantex Corp"),
    ("Kenya's 17th IMF debt restructuring agreement is executed under a 48-month facility.", "Kenya",
     "signsAgreementWith", "IMF"),
    # an agreement to acquire a company or a stake in it is a deal with that company; the place of "X-based" is no side
    ("Keyline Corp said it has signed a definitive agreement to acquire Brantex Bancorp by exchanging shares.",
     "Keyline Corp", "signsAgreementWith", "Brantex Bancorp"),
    ("Velor Corp said it agreed in principle to acquire a 35 pct interest in Brantex Corp.", "Velor Corp",
     "signsAgreementWith", "Brantex Corp"),
    ("The state-owned Kenya Ports Authority signed an agreement with the Hamburg-based shipping line Velmar Seetransport "
     "to establish a shipping line.", "Kenya Ports Authority", "signsAgreementWith", "Velmar Seetransport"),
    # "X, Samsung Electronics’ subsidiary": a plural possessive the parser reads as a modifier
    ("Harman, Samsung Electronics’ subsidiary, said on Monday it would buy a Munich software firm.",
     "Samsung Electronics", "includes", "Harman"),
    # "X based" written without its hyphen
    ("Hague based International Velor Court, IVC, declared the ruling final.", "International Velor Court",
     "locatedIn", "Hague"),
    # "stop by" a place; a name the NER calls a person, headquartered somewhere
    ("Before returning to Seoul, Lee Dong-min will stop by Shanghai for one night on Jan. 6.", "Lee Dong-min",
     "visited", "Shanghai"),
    ("Ziwig Lab, headquartered in France, hopes to have its test approved soon.", "Ziwig Lab", "locatedIn", "France"),
    # a company after its ticker and a comma, then its town
    ("Among the bidders is Velor Devices <VLD>, Sunnyvale, Calif., analysts said.", "Sunnyvale", "locatedIn",
     "California"),
    # a list of examples holds whatever the clause hedges about them
    ("Top U.S. chipmakers like Velor Semiconductor Corp and Brantex Instruments Inc might also seek to buy the unit.",
     "chipmakers", "includes", "Brantex Instruments Inc"),
    # the later items of a list whose first item stands in apposition to the group, however the parser hung them
    ("The delegation is led by Chancellor Ann Velor and includes faculty deans Professor Tom Brant (Education), "
     "Professor Ivo Kessel (Law), and Professor Mia Dunmore (Computing).", "delegation", "includes", "Ivo Kessel"),
    # "X, in Y for talks, said": a visitor placed by a phrase set off after the name
    ("Kenyan Trade Minister Ana Velor, in Tokyo for talks on trade, said the deal was close.", "Ana Velor", "visited",
     "Tokyo"),
    # a letter of intent signed by both sides
    ("The letter of intent signed by Velor Motors and Brantex on March nine set April nine as the target date.",
     "Velor Motors", "signsAgreementWith", "Brantex"),
    # "NAME, description, visited": the parser made the description the subject and the name its modifier
    ("Yoo Sang-chul, presidential chief of staff, visited Poland as a special envoy and attended the ceremony.",
     "Yoo Sang-chul", "visited", "Poland"),
    # "Town, St.-based X": the town is the nearest place the text gives
    ("Portland, Ore.-based Brantex Lumber said it signed a contract with Iraq.", "Brantex Lumber", "locatedIn",
     "Portland"),
    # a venue and its town the NER took for one organisation's name
    ("Experts will meet on 14 May for a press conference at the Velor Lakeside Hotel, Colombo.", "Velor Lakeside Hotel",
     "locatedIn", "Colombo"),
    # the country of a nationality before "-based"; the place of the predicate noun's company
    ("The Swiss-based Lumen AG rejected the offer on Friday.", "Lumen AG", "locatedIn", "Switzerland"),
    ("Kestrel is an engineering company owned by French interests and headquartered in Boston.", "Kestrel",
     "locatedIn", "Boston"),
    ("Ostrava Holding is a maker of pumps based in Denver.", "Ostrava Holding", "locatedIn", "Denver"),
    # a subsidiary a company forms; a venture its founders set up
    ("Velmar Corp said it formed a new subsidiary, Velmar Tools Inc, to sell drills.", "Velmar Corp", "includes",
     "Velmar Tools Inc"),
    ("Vexo, a joint venture set up by Tixo SA and Marlow PLC, opened its first plant.", "Marlow PLC", "includes",
     "Vexo"),
    # a town named in two countries is the one in the country of the people the article names
    ("US President Joe Reagan and Canadian Prime Minister Brian Mulroney will meet next month in Ottawa.",
     "Joe Reagan", "visited", "Ottawa"),
    # a borough lies in its city; a state does not
    ("The council will rebuild the old market in Greenwich, London, next year.", "Greenwich", "locatedIn", "London"),
    # one's own mission to a place is one's trip there
    ("Prime Minister Ana Velor has returned from her diplomatic mission to the Middle East.", "Ana Velor", "visited",
     "Middle East"),
    # the X-owned company is X's
    ("Analysts said Rosneft-owned Vankor Oil would be sold next year.", "Rosneft", "includes", "Vankor Oil"),
    # a protocol is signed as an agreement is
    ("Velmar Corp signed a protocol with Kestrel Ltd on Monday.", "Velmar Corp", "signsAgreementWith", "Kestrel Ltd"),
    # an agreement to set up a joint venture with a partner
    ("Kelco Ltd signed an agreement to set up a joint venture company with Harlow PLC.", "Kelco Ltd",
     "signsAgreementWith", "Harlow PLC"),
    ("Velmar Corp agreed to form a joint venture with Tixo SA.", "Velmar Corp", "signsAgreementWith", "Tixo SA"),
    ("Velmar Corp agreed to sell its Dorrit Electronics operations to Tixo SA.", "Velmar Corp", "includes",
     "Dorrit Electronics"),
    # the name set beside a description is whom it means; a legal form ends a company's name; "and Co"
    ("The committee named Yim Soo-jin as the final candidate among three other nominees, including the current "
     "banking chief, Jung Min-ho.", "three other nominees", "includes", "Jung Min-ho"),
    ("Top chipmakers like Dorrit Instruments Inc and Harlow Inc might buy Tixo.", "Top chipmakers", "includes",
     "Harlow Inc"),
    ("Merrill Lynch and Co Inc said it agreed to buy Kestrel Corp.", "Merrill Lynch and Co Inc", "signsAgreementWith",
     "Kestrel Corp."),
    # a list of firms, each with its town and state, is no list of places; a state before an acronym
    ("Bidders include Dorrit Devices, Sunnyvale, Calif., and Harlow Logic Corp, Milpitas, Calif., analysts said.",
     "Dorrit Devices", "locatedIn", "Sunnyvale"),
    ("Bidders include Dorrit Devices, Sunnyvale, Calif., and Harlow Logic Corp, Milpitas, Calif., analysts said.",
     "Sunnyvale", "locatedIn", "California"),
    ("The gas goes to a terminal at Lake Charles, La., APS said.", "Lake Charles", "locatedIn", "Louisiana"),
    # the town a visitor leaves for the next one; the guest received for a summit where it is held
    ("Nigerian Finance Minister Tunde Okafor left Paris today for London, diplomats said.", "Tunde Okafor", "visited",
     "Paris"),
    ("President Ana Velor receives Chinese Premier Li Wen for a summit in Gyeongju on Monday.", "Li Wen", "visited",
     "Gyeongju"),
    # a body's brands named after the plural; its new seat; a place before a company's description
    ("Velmar Motors is struggling with its own loss-making European marques Kestra and Dovin.", "Velmar Motors",
     "includes", "Dovin"),
    ("Kestrel Corp will move its headquarters to the Netherlands next year.", "Kestrel Corp", "locatedIn",
     "Netherlands"),
    ("US oil giant Velmar said it did not plan to bid.", "Velmar", "locatedIn", "US"),
    ("BP spent $7.5bn to create Russian-registered oil company Velneft.", "Velneft", "locatedIn", "Russia"),
    ("They met for a meal at the Velora restaurant in Islington.", "Velora", "locatedIn", "Islington"),
    # the member states of a body sign as the body
    ("The United States and the ASEAN countries signed a memorandum of understanding on tin.", "United States",
     "signsAgreementWith", "ASEAN"),
    ("Velo is a quiet town. Velo is in Zhejiang province.", "Velo", "locatedIn", "Zhejiang province"),
    # a share owned, the share parsed as the predicate
    ("Kestrel Mining Co, which is 83 pct owned by Velmar Corp, has signed a letter of intent.", "Velmar Corp",
     "includes", "Kestrel Mining Co"),
    # "his" of a visit set after the clause is whichever of its two people is away from home
    ("Kenyan President William Ruto welcomed Chinese Premier Li Wen on his first visit to Nairobi.", "Li Wen",
     "visited", "Nairobi"),
    # a visitor's return from a place, or from talks held there
    ("Indian Prime Minister Ravi Menon's return from Tokyo was welcomed.", "Ravi Menon", "visited", "Tokyo"),
    ("Nigerian Finance Minister Tunde Okafor returned on Friday from talks in Paris.", "Tunde Okafor", "visited",
     "Paris"),
    # stops told without their traveller are those of the trip told just before
    ("Party leader Ana Velor began a tour of the north on Monday. She spoke in Leeds. Stops in Shrewsbury and "
     "Basingstoke are planned for later in the week.", "Ana Velor", "visited", "Basingstoke"),
    # a loan signed with a lender; a ticker after a possessive company name
    ("Finance Minister Ana Velor said she had signed yesterday a 250 mln dlr loan with the World Bank.", "Ana Velor",
     "signsAgreementWith", "World Bank"),
    ("Revenues go to Velmar Group Inc's <VGI> Florida Power and Light Co subsidiary.", "Velmar Group Inc", "includes",
     "Florida Power and Light Co"),
    # a group named for its members signs through them
    ("Turkish Airlines signed deals with two airlines — Air Europa and Iberia.", "Turkish Airlines",
     "signsAgreementWith", "Iberia"),
]

NEGATIVE = [
    # a diplomatic mission opened somewhere is a post, not a trip
    ("The Foreign Office has opened new missions in Baghdad and Basra.", "Foreign Office", "visited", "Baghdad"),
    ("Several firms, among them Siemens AG, bid for the contract with Qatar Airways.", "Several firms", "includes", "Qatar Airways"),
    ("The memorandum was signed by Kenya's Ministry of Energy.", "Ministry of Energy", "signsAgreementWith", "Kenya"),
    ("The Kingdoms of England and Scotland signed a treaty.", "Kingdoms of England", "locatedIn", "Scotland"),
    # "in the US state of Texas" points to Texas, not to the US
    ("Tesla has a plant in Austin in the US state of Texas.", "Austin", "locatedIn", "US"),
    ("Acme Corp, which has ties with Globex Inc, signed a deal with Initech Ltd.", "Acme Corp", "signsAgreementWith", "Globex"),
    ("Nigeria's largest bank by assets, Zenith Bank is expanding.", "largest bank", "locatedIn", "Nigeria"),
    # deals (plural) with two firms may be two deals: the two firms made none with each other
    ("Toyota Motor Corp signed deals with Panasonic Corp and Sony Group Corp.", "Panasonic", "signsAgreementWith", "Sony"),
    # a set in two places does not say which one each member is in
    ("Mining companies in Peru and Chile, including Minera Andina and Cobre Sur, raised output.",
     "Minera Andina", "locatedIn", "Peru"),
    ("German Chancellor Olaf Scholz did not visit Kyiv last year.", "Olaf Scholz", "visited", "Kyiv"),
    ("It remains unclear whether Ana Silva will travel to Warsaw.", "Ana Silva", "visited", "Warsaw"),
    ("Toyota denied reports that it would visit suppliers in Monterrey.", "Toyota", "visited", "Monterrey"),
    ("Acme Corp discussed a deal with Globex Inc.", "Acme Corp", "signsAgreementWith", "Globex Inc"),
    ("Tesla opened a factory in Berlin.", "Tesla", "locatedIn", "Berlin"),
    ("Member states include Indonesia, Malaysia, the Philippines and Thailand.", "Indonesia", "locatedIn", "Malaysia"),
    ("Donald Trump criticized the nuclear deal with Iran.", "Donald Trump", "signsAgreementWith", "Iran"),
    ("China welcomed the state visit to Beijing.", "China", "visited", "Beijing"),
    ("Prime Minister Sheikh Hasina's planned visit to Dhaka was cancelled.", "Sheikh Hasina", "visited", "Dhaka"),
    ("Kim Jong Un has never visited Seoul.", "Kim Jong Un", "visited", "Seoul"),
    ("Acme Corp is in talks to sign a deal with Globex Inc.", "Acme Corp", "signsAgreementWith", "Globex Inc"),
    # an enumeration is no chain of places, and a country lies in no other country or city
    ("Delegates came from Lyon, Nice, Lille and Paris.", "Lyon", "locatedIn", "Nice"),
    ("Argentina, Venezuela in oil deal", "Argentina", "locatedIn", "Venezuela"),
    ("They include Dallas in the US, Bordeaux in France and Oporto in Portugal.", "US", "locatedIn", "Bordeaux"),
    ("Kenyan President William Ruto held a rally in Nairobi.", "William Ruto", "visited", "Nairobi"),
    # a companion travels; one who signs beside a visitor does not sign
    ("French President Paul Roux, accompanied by Foreign Minister Anne Vidal, signed a deal with Kenya.", "Anne Vidal",
     "signsAgreementWith", "Kenya"),
    ("The summit opens in Nairobi on Monday. Kenyan President William Ruto will attend the summit.", "William Ruto",
     "visited", "Nairobi"),
    ("The summit opens in Nairobi on Monday. Tomas Ruiz will attend the funeral of his father.", "Tomas Ruiz",
     "visited", "Nairobi"),
    ("Minister Ana Silva toured Nairobi on Monday. Two ships have arrived in the disaster area.", "Two ships",
     "visited", "Nairobi"),
    ("Kenyan President William Ruto travelled to Paris in May. Kenyan Minister Ann Wambui made her first state visit "
     "abroad in June.", "Ann Wambui", "visited", "Paris"),
    # a group of people is not located anywhere
    ("British officials in London said the talks would resume.", "British officials", "locatedIn", "London"),
    ("Prince Edward will also join the UK delegation in Poland.", "UK delegation", "locatedIn", "Poland"),
    # a local doing something at home is no visitor
    ("Argentine President Carlos Mora signed the deal in Buenos Aires on Tuesday.", "Carlos Mora", "visited",
     "Buenos Aires"),
    ("Economists recommend an accord with the International Monetary Fund.", "Economists", "signsAgreementWith",
     "International Monetary Fund"),
    # each list item has its own place
    ("The bank runs branches in Lyon and Nice in France, Turin in Italy and Porto in Portugal.", "Turin",
     "locatedIn", "Portugal"),
    ("The bank runs branches in Lyon and Nice in France, Turin in Italy and Porto in Portugal.", "France",
     "locatedIn", "Italy"),
    ("Pedro Silva visited Poland and Norway in October.", "Norway", "locatedIn", "October"),
    # a planned acquisition makes no subsidiary
    ("Hanwha plans to acquire Daewoo Shipbuilding next year.", "Hanwha", "includes", "Daewoo Shipbuilding"),
    # "members of OPEC" stand for OPEC, not for a group of their own
    ("Members of OPEC include Saudi Arabia, Iraq and Iran.", "members", "includes", "Iraq"),
    # "other" banks are a different set from the banks named first
    ("Big banks, including Barclays, lent more. Other banks, including Monzo, lent less.", "big banks", "includes",
     "Monzo"),
    # an object pronoun is not its own clause's subject: "him" is Costa, not the one who pays
    ("John Carter needed a flight. Prime Minister Rui Sousa of Portugal paid for him to fly from a holiday in Kenya "
     "to talks in Nairobi.", "Rui Sousa", "visited", "Kenya"),
    # the host who welcomes a guest at home is no visitor; a local met at home is none either
    ("Indian Prime Minister Ravi Kumar was welcomed at the airport in Canberra by Australian Prime Minister Tom "
     "Hale.", "Tom Hale", "visited", "Canberra"),
    ("Kenyan President William Ruto met Chinese Premier Wen Li in Nairobi on Friday.", "William Ruto", "visited",
     "Nairobi"),
    ("Indian Prime Minister Ravi Kumar returned from Delhi on Sunday.", "Ravi Kumar", "visited", "Delhi"),
    # a feature named after a place is not the place; a continent lies in no country, a country in one continent
    ("The ferry is moored on the Volta River in Akosombo, Volta, Ghana.", "Akosombo", "locatedIn", "Volta River"),
    ("The drink is sold in Europe, Japan, northern Africa and Brazil.", "Japan", "locatedIn", "Africa"),
    ("The drink is sold in Japan, Europe and Brazil.", "Europe", "locatedIn", "Japan"),
    # a deal that fell through or that a party walked away from was never signed
    ("The deal between Acme Corp and Globex Inc fell through.", "Acme Corp", "signsAgreementWith", "Globex Inc"),
    ("Acme Corp walked away from a deal with Globex Inc.", "Acme Corp", "signsAgreementWith", "Globex Inc"),
    # agreeing to do something is no agreement with each other, unless it is to merge or cooperate
    ("Two producers, Saudi Arabia and Iraq, agreed to cut output.", "Saudi Arabia", "signsAgreementWith", "Iraq"),
    ("The delegation is headed by Minister Ann Wambui and includes faculty deans Professor Omar Diallo (Law) "
     "and Professor Rita Okafor (Arts).", "faculty deans", "includes", "Omar Diallo"),
    # the group's noun says what its members are, when their names say otherwise
    ("Investors flocked to cities including Acme Corp and Globex Inc.", "cities", "includes", "Acme Corp"),
    ("He toured companies including Paris and Berlin.", "companies", "includes", "Berlin"),
    # no person is one of a set of places or institutions: the list is of the people named before them
    ("The envoy hosted the rectors of several Kenyan universities, including Dr Amos Kiprono, at the embassy.",
     "several Kenyan universities", "includes", "Amos Kiprono"),
    # a local who holds talks at home is no visitor
    ("Kenyan President William Ruto held talks with Ana Costa in Nairobi.", "William Ruto", "visited", "Nairobi"),
    # "the US state of Texas": the country is not inside the state
    ("He flew to the US state of Texas.", "US", "locatedIn", "Texas"),
    # "no plans to" is no plan
    ("Chinese President Wen Li has no plans to visit Paris.", "Wen Li", "visited", "Paris"),
    # "the government" is a country's, never a city's
    ("Kenyan Minister Ann Wambui told reporters in Paris that the government had signed a deal with Globex Inc.",
     "Paris", "signsAgreementWith", "Globex Inc"),
    # "in Paris, in a rare show ..." names no second place; "the Xi visit" is no trip to a place
    ("Ministers met in Paris, in a rare show of unity, on Monday.", "Paris", "locatedIn", "unity"),
    ("The Xi visit was a success.", "Xi", "visited", "Xi"),
    # the hosts who receive or welcome a guest at a venue are not visitors there
    ("The Sri Lankan president was received at Beijing Capital International Airport by Chinese officials.",
     "Chinese officials", "visited", "Beijing Capital International Airport"),
    ("Mayor Ann Smith welcomed the delegation at the Guildhall.", "Ann Smith", "visited", "Guildhall"),
    # an enumeration of places stays one; a legal form after a comma is no place; a plural inside a
    # plural names no member
    ("He fought at Mill Springs, Stones River, Chickamauga, and in the Knoxville campaign.", "Stones River",
     "locatedIn", "Chickamauga"),
    ("ENI owns 48 pct of the joint venture company, Super Octanos, C.A., while Pequiven has 49 pct.",
     "Super Octanos", "locatedIn", "C.A."),
    ("The mission brought together around 100 senior executives, including top officials from Samsung.",
     "100 senior executives", "includes", "top officials"),
    ("The payment is due in March.", "payment", "visited", "March"),
    ("Vietnam and the Philippines agreed on the need for talks.", "Vietnam", "signsAgreementWith", "Philippines"),
    ("Talks were held between Kenya and Uganda.", "Kenya", "signsAgreementWith", "Uganda"),
    # the possessor of the other side is not a side: "with Morocco's OCP"
    ("Nigeria's Dangote Group signed an MoU with Morocco's OCP.", "Dangote Group", "signsAgreementWith", "Morocco"),
    ("President William Ruto is in Nairobi this week.", "William Ruto", "locatedIn", "Nairobi"),
    # a gathering is attended, not made of its people
    ("The talks included Prime Minister Keir Starmer and President Emmanuel Macron.", "talks", "includes",
     "Keir Starmer"),
    # agreeing with someone's view is no agreement
    ("Mr Sunak agreed with President Macron on the need for more aid.", "Sunak", "signsAgreementWith", "Macron"),
    ("Mr Sunak said he agreed with Mr Starmer that the law should change.", "Sunak", "signsAgreementWith", "Starmer"),
    # a possessor in a list of names describes the next one; it is no side of the deal
    ("The deal between Airbus and Boeing's former supplier Spirit AeroSystems was signed.", "Airbus",
     "signsAgreementWith", "Boeing"),
    ("After stops in Hanoi and Manila, Blinken headed to Seoul.", "Manila", "locatedIn", "Blinken"),
    ("Turkish Airlines signed deals with two airlines — Air Europa and Iberia.", "Turkish Airlines",
     "signsAgreementWith", "two airlines"),
    ("The money has been sent to Kenya by the Bank of England.", "Bank of England", "visited", "Kenya"),
    # in a list of items with their places, a later item's place is its own
    ("His works include the Rowing Museum in Henley, Oxfordshire; the Museum of Modern Literature in Marbach, Germany; "
     "the Des Moines Public Library, Iowa; and the Hepworth Wakefield in Wakefield.", "Museum of Modern Literature",
     "locatedIn", "Iowa"),
    # a state lies in no city of its country, whatever the apposition's parse
    ("He died in Sherman Oaks, California, a suburb of Los Angeles, in 1993.", "California", "locatedIn",
     "Los Angeles"),
    # "the alliance" is neither of the members its sentence names
    ("Nissan and Renault are members of the alliance, along with Mitsubishi.", "Nissan", "includes", "Renault"),
    ("President Ruto's visit is to strengthen ties with Kenya.", "Ruto", "visited", "Kenya"),
    ("Samsung reached Japan's market in 1990.", "Samsung", "visited", "Japan"),
    # memorandums (plural) with three countries are three agreements, not one of four sides
    ("Nigeria signed memorandums of understanding with Brazil, India and Germany.", "Brazil", "signsAgreementWith",
     "India"),
    ("Dr Jane Smith studied at Oxford University in the 1990s.", "Jane Smith", "visited", "Oxford University"),
    ("Samsung welcomed Apple's decision.", "Apple", "visited", "Samsung"),
    # "there were 22 members of X": the speaker is not one of them
    ("Lord Falconer said there were 22 members of the Royal Family in the line of succession.", "Royal Family",
     "includes", "Falconer"),
    # an apposition after a prepositional phrase continues a list, not the group; the NER's span over
    # the comma is two names
    ("State money would go to all parties with at least two members in the House of Commons, European Parliament, "
     "Scottish Parliament or Welsh Assembly.", "two members", "includes", "Parliament"),
    # a description in apposition to a name is that name, not a second institution of the place
    ("Barclays, the UK's third-biggest bank, reported record profits.", "third-biggest bank", "locatedIn", "UK"),
    ("The House of Lords, the UK's highest court, ruled on Thursday.", "highest court", "locatedIn", "UK"),
    # topics and products have no members
    ("The election could be dominated by big issues like Iraq and Afghanistan.", "big issues", "includes", "Iraq"),
    # who celebrates a deal is not a party to it
    ("The deal with Peugeot was celebrated by chief executive Takashi Nishioka.", "Takashi Nishioka",
     "signsAgreementWith", "Peugeot"),
    # places travel nowhere; a bill is not a traveller
    ("The constituencies most at risk were Bethnal Green, in east London, and Rochdale.", "constituencies",
     "visited", "London"),
    ("There will be amendments when the Mental Capacity Bill goes to the House of Lords.", "Mental Capacity Bill",
     "visited", "House of Lords"),
    ("Sir Alan Budd wrote the report. At the end of his trip to Egypt, Mr Blair said he still trusted him.",
     "Alan Budd", "visited", "Egypt"),
    # an office no one in the article was introduced with is not guessed onto the last person named
    ("Tony Blair faces questions about his ties with Gordon Brown. Meanwhile, the chancellor is leaving Britain "
     "on a tour of Africa.", "Tony Blair", "visited", "Africa"),
    # where a body's meeting took place is not where the body is
    ("He will chair a meeting of the Commission for Africa in Cape Town.", "Commission for Africa", "locatedIn",
     "Cape Town"),
    # a possible move to take a company over has not made it one's own
    ("Reports spoke of Vodafone's possible move to take over Mannesmann.", "Vodafone", "includes", "Mannesmann"),
    ("Prime Minister Tony Blair welcomed President Pervez Musharraf on Monday. Files about the Pakistani "
     "president's visit to London were found.", "Tony Blair", "visited", "London"),
    # the source of a list is no item of it; "others" is no set; brands have no members; a long
    # list of places is no chain; an investor with a first name is a person, who is not located
    ("The panel includes Oliver Penrose, David Hale and Anna Berg, Lord Whitcombe said.", "panel", "includes",
     "Whitcombe"),
    ("Others named include Oliver Penrose, David Hale and Anna Berg.", "Others", "includes", "Anna Berg"),
    ("The carmaker saw strong sales of its three marques - Veltro, Mino and Castellane - in Asia.", "marques",
     "includes", "Mino"),
    ("The seats are Bristol West, Cardiff Central, Leeds North West, Cambridge, Oxford East, Wells, Isle of Wight "
     "and Taunton.", "Leeds North West", "locatedIn", "Cambridge"),
    ("The seats are Bristol West, Cardiff Central, Leeds North West and Taunton.", "Bristol West", "locatedIn",
     "Cardiff Central"),
    ("It is a mutual fund for which New York investor George Soros acts as adviser.", "George Soros", "locatedIn",
     "New York"),
    # a presence needs the verb of the one present, not a verb further down ("set up to investigate")
    ("Euro MP Daniel Hurst toured Kent on Monday. On Friday he had a bucket of slurry thrown over him by a "
     "protester in Manchester.", "Daniel Hurst", "visited", "Manchester"),
    ("Lord Edwin Carver toured the streets of Brixton. He also chaired the 1969 tribunal set up to investigate "
     "disturbances in Northern Ireland.", "Edwin Carver", "visited", "Northern Ireland"),
    # a member's possession is no member
    ("Ankara is an EU member's capital city.", "EU", "includes", "Ankara"),
    # cooperation between two countries is a relationship, not a signing
    ("Officials praised the close cooperation between Malaysia and China over 50 years.", "Malaysia",
     "signsAgreementWith", "China"),
    # talks on a deal named by its sides sign nothing
    ("Talks on the EU-Mercosur deal stalled.", "EU", "signsAgreementWith", "Mercosur"),
    # a name that is the subject of a clause on the noun before it is no member of it
    ("The Kestrel Shipping business is among the assets Champ bought last year.", "assets", "includes", "Champ"),
    # a body that two found together is no unit of either; an amount has no members
    ("The Kestrel Institute and Universitas Borneo have launched the Joint Ocean Research Centre.",
     "Kestrel Institute", "includes", "Joint Ocean Research Centre"),
    ("The pipeline involves the 193 kilometres Abuja to Kaduna section.", "193 kilometres", "includes", "Abuja"),
    # the site of an event is no one's premises
    ("President Amina Odera visited the site of the Kestrel Motors crash.", "Amina Odera", "visited", "Kestrel Motors"),
    # a firm that stays in a place is there, not on a visit
    ("Lamp maker Kestrel Lighting Corp. will keep its name, and it will remain in Canton.", "Kestrel Lighting Corp.",
     "visited", "Canton"),
    # "made ... of" is no "made up of"
    ("In a Jan. 24 filing, Mexichem said the acquisition was made through its subsidiary, Kestrel Brasil Ltda. of "
     "Sao Paulo, which it bought in 2007.", "Kestrel Brasil Ltda", "includes", "Sao Paulo"),
    # a name after a description's comma is its apposition only if the apposition ends there; a group with
    # people in it is located nowhere
    ("Labour won the seat. By scrapping Scotland's old regiments, Labour MPs will end up being scrapped themselves, "
     "he warned.", "Labour", "locatedIn", "Scotland"),
    ("Such firms could profit from India's highly skilled workers and low wages, the minister said.", "workers",
     "locatedIn", "India"),
    # what is said has no members ("comments", "remarks", "claims")
    ("In response to Dr Amos Kiprono's comments, Tendai Moyo, leader of the Kestrel group in the assembly, said it "
     "was apparent.", "comments", "includes", "Tendai Moyo"),
    # not across a clause of its own
    ("They discussed an agreement on trade, which would end the dispute between Peru and Chile.", "Peru",
     "signsAgreementWith", "Chile"),
    # a name's last syllable that the NER took for a place is part of the name ("[Lee Jae] [Yong]")
    ("The minister meets Kestrel Electronics Chairman Lee Jae Yong, Seoul, South Korea, July 2, 2024.", "Yong",
     "locatedIn", "Seoul"),
    # a branch office is no seat
    ("The talks took place at the Japan office of Kessler Bank.", "Kessler Bank", "locatedIn", "Japan"),
    # "the consortium's members" after "a new consortium" are that set's, not the name's before it
    ("Ostrel leads a new consortium. The consortium's members are Vanta Bank and Pelham Trust.", "Ostrel",
     "includes", "Vanta Bank"),
    # one company's parent, not the names listed beside it after semicolons
    ("Among the firms that signed were Pellam Water, a subsidiary of Kessler Holdings; Dorn Markets, a grocer; and "
     "Avery Homes, a builder.", "Kessler Holdings", "includes", "Dorn Markets"),
    # a named group and its country after "of" is no set of it ("the Adani group of India")
    ("We signed an agreement with the Kessler group of India to build a terminal.", "Kessler", "includes", "India"),
    # the networks of countries are theirs, not sets of them
    ("The project would unite the gas transmission networks of Bulgaria, Greece and Romania.", "networks", "includes",
     "Greece"),
    # a place named for the country is in it, not around it
    ("The tour ends in Linz, in the Upper Austria region of Austria.", "Austria", "locatedIn", "Upper Austria"),
    # "&" ends an enumeration as "and" does, and splits two known places the NER ran together
    ("The firm will create jobs in Shannon, Galway, Dundalk, Cork & Dublin.", "Galway", "locatedIn", "Dundalk"),
    # a place that owns a person after the comma is no container of the place before it
    ("At the meeting in Ulaanbaatar, South Korea's Vice Foreign Minister Kim Sun-ho spoke.", "Ulaanbaatar",
     "locatedIn", "South Korea"),
    # a territory lies only in the country it belongs to
    ("The governor travels to Taiwan, Korea on a trade mission.", "Taiwan", "locatedIn", "Korea"),
    # the states of a list are its items, not the container of the place before
    ("Besides Iowa, the states of Ohio, Texas, Utah, and Maine also took part.", "Iowa", "locatedIn", "Ohio"),
    # a place after a name in a run of commas with no "and" is where the name is, not another side
    ("Ostrel signed a memorandum with Kelvin State University (KSU), Pennsylvania, USA, to foster research.",
     "Ostrel", "signsAgreementWith", "Pennsylvania"),
    # a place owns the party named after its possessive, not the office that follows the party's name
    ("The minister spoke as London's Labour mayor Ken Livingstone remained in a row over his comments.", "Labour",
     "locatedIn", "London"),
    # money spent in a place is no time spent there
    ("With the new plant, Ostrel will have spent $5 billion in Mexico since 2015.", "Ostrel", "visited", "Mexico"),
    # views exchanged are no deal
    ("Views were exchanged between Ostrel and Vanta Bank on Monday.", "Ostrel", "signsAgreementWith", "Vanta Bank"),
    # names in brackets that are no places are no members ("Grammy Awards (A, B and C)": the works)
    ("She won two Grammy Awards (Blue Harbour, Night Train and Silver Lake) last year.", "Grammy Awards", "includes",
     "Night Train"),
    # but not one the text negates
    ("The Kelvin Mine is not located in Western Australia.", "Kelvin Mine", "locatedIn", "Western Australia"),
    # the visitors' country named before a trip noun that has a destination
    ("Launching the first official U.S. visit to Laos since 1975, Secretary Ivo Brand arrived on Monday.",
     "Ivo Brand", "visited", "U.S."),
    # "the two countries" are countries, not a port and its country
    ("The emir visited the port of Duqm, Oman. Two other pacts were also signed by the two countries on Thursday.",
     "Duqm", "signsAgreementWith", "Oman"),
    # a place that describes the members of a consortium is none of them
    ("They plan to form a consortium of UK and Kenyan universities.", "consortium", "includes", "UK"),
    # a deal that was not signed
    ("The India-Japan deal was not signed.", "India", "signsAgreementWith", "Japan"),
    # in the race to buy is no purchase
    ("Halvor Mining is also in the race for acquiring national carrier Air Selvia.", "Halvor Mining", "includes",
     "Air Selvia"),
    # a list the parser hung on its first item: the place of another item is not the first's
    ("Mr Tesh said they had talked about Afghanistan, the wider war on terror, the situation in the Middle East "
     "and the dispute over Kashmir.", "Afghanistan", "locatedIn", "Middle East"),
    # who receives someone at a venue is the host there, not a visitor
    ("President Ivo Brand received Marco Tesh at the Presidential Palace on Monday.", "Ivo Brand", "visited",
     "Presidential Palace"),
    # an item of a list whose facility has a place of its own is no item of the next item's place
    ("In Laos, Kestrel Builders has taken part in a number of projects, such as the Nam Duong 2 thermo power plant in "
     "Savannakhet province, Lotus Financial Tower in Vientiane City, and Pearl Golf Resort in Pakse City.",
     "Savannakhet province", "locatedIn", "Vientiane City"),
    # a country lies in no place the tables do not know unless its name says region ("Rathore's India")
    ("However friendly India has been towards Nepal, Rathore’s India will always place Assam first.", "India",
     "locatedIn", "Rathore"),
    # an acronym before "-based" is a place only when the place tables know it ("RNA-based")
    ("Velor, an RNA-based drug developer, said on Monday it would list its shares.", "Velor", "locatedIn", "RNA"),
    # what is supplied to a buyer is no side of the deal; an acronym of a group's own words is no member of it
    ("Velor Systems has won a contract to supply advanced combat management systems (CMS) to the Philippine Navy.",
     "Velor Systems", "signsAgreementWith", "CMS"),
    ("Velor Systems has won a contract to supply advanced combat management systems (CMS) to the Philippine Navy.",
     "advanced combat management systems", "includes", "CMS"),
    # agreeing to cooperate is a promise, no agreement signed
    ("At a meeting in Paris last month, Britain, Canada and France agreed to cooperate to hold currencies at around "
     "current levels.", "Britain", "signsAgreementWith", "Canada"),
    # working in partnership with someone, a partnership between two countries, sales of goods: no agreement signed
    ("The foreign firms - Velor Oil and Brantex Corp - are working in partnership with the National Office for "
     "Strategic Industries.", "Velor Oil", "signsAgreementWith", "National Office for Strategic Industries"),
    ("This contract demonstrates the strong partnership between Korea and the Philippines.", "Korea",
     "signsAgreementWith", "Philippines"),
    ("The state-owned Kenya Ports Authority signed an agreement with the Hamburg-based shipping line Velmar Seetransport "
     "to establish a shipping line.", "Kenya Ports Authority", "signsAgreementWith", "Hamburg"),
    # a company agreed to be bought is not yet the buyer's
    ("Velor Corp said it has signed a definitive agreement to acquire Brantex Bancorp by exchanging shares.",
     "Velor Corp", "includes", "Brantex Bancorp"),
    ("VELOR AGREES TO ACQUIRE BRANTEX BANK\n\nVelor Corp said it has signed a definitive agreement to buy the bank.",
     "Velor Corp", "includes", "Brantex Bank"),
    # what is done to a place from afar is no presence there
    ("Israeli Prime Minister Avi Dorren has been bombing and killing militants in Gaza for months.", "Avi Dorren",
     "visited", "Gaza"),
    # ... but not someone of the place itself
    ("Ana Velor, in London, said the deal was close.", "Ana Velor", "visited", "London"),
    # a body written with "non-" is the one its "member" is not in; a group's own acronym lists no members
    ("He said non-OPEC member Norway had pledged further cooperation with the group.", "OPEC", "includes", "Norway"),
    ("Under the deal, Velor Systems will provide CMS and tactical data links (TDL) for the navy's two frigates.",
     "tactical data links", "includes", "CMS"),
    # things, tools, equations and pollutants are no sets of names
    ("Online harassment is amplified by AI-driven tools like Deepvoice and Velor Studio, the police said.",
     "AI-driven tools", "includes", "Velor Studio"),
    # the place's tie to a body elsewhere: the body is not in the place
    ("The ministers spent the morning on Peru's WTO membership.", "WTO", "locatedIn", "Peru"),
    ("Talks on Ghana's IMF bailout resumed on Monday, officials said.", "IMF", "locatedIn", "Ghana"),
    ("US President Joe Reagan and Canadian Prime Minister Brian Mulroney will meet next month in Ottawa.",
     "Brian Mulroney", "visited", "Ottawa"),
    ("Ana Velor has returned from her diplomatic mission to the Middle East.", "diplomatic mission", "visited",
     "Middle East"),
    # a pronoun before "in" is no name there; a tie to a company is no place
    ("Velmar Corp and Kestrel Ltd said the dispute between them in Ohio would end soon.", "Velmar Corp", "locatedIn",
     "Ohio"),
    ("The bank said Tixo Energy, Tomsk's former owner, had sued.", "Tixo Energy", "locatedIn", "Tomsk"),
    ("Diesel trucks emit pollution, including small particles such as PM10 and NOx, the Velor Institute said.",
     "small particles", "includes", "NOx"),
    ("The committee named Yim Soo-jin as the final candidate among three other nominees, including the current "
     "banking chief, Jung Min-ho.", "three other nominees", "includes", "Yim Soo-jin"),
    ("French President Ana Velor left Paris for Berlin on Monday.", "Ana Velor", "visited", "Paris"),
    ("The treatise offers enduring concepts such as the Mandala Theory and the Velor Doctrine.", "enduring concepts",
     "includes", "Velor Doctrine"),
    # the town of "X, State-based" is where the company after it is, no side of its deal
    ("Analysts said the merger accord between Fleet Corp and Albany, N.Y.-based Norstar Bancorp was a sign.",
     "Fleet Corp", "signsAgreementWith", "Albany"),
    # an agreement that may come is none signed; a body's members visited are its members
    ("Diplomats said they would insist on including the clause in any Peru-Chile agreement.", "Peru",
     "signsAgreementWith", "Chile"),
    ("Aqazadeh also visited OPEC members Gabon, Algeria and Libya.", "Aqazadeh", "visited", "OPEC"),
    # each item of "A in X and B (b) in Y" has its own place; a province lies in no other province
    ("The zones were the towns of Velo, Tarn and Shantou in Guangdong province and Xiamen (Amoy) in Fujian province.",
     "Shantou", "locatedIn", "Xiamen"),
    ("The zones were the towns of Velo, Tarn and Shantou in Guangdong province and Xiamen (Amoy) in Fujian province.",
     "Guangdong province", "locatedIn", "Fujian province"),
    ("It could bridge competing regional visions like Velor's SAGAR and Tarn's BRI.", "competing regional visions",
     "includes", "SAGAR"),
    ("Kenyan President William Ruto welcomed Chinese Premier Li Wen on his first visit to Nairobi.", "William Ruto",
     "visited", "Nairobi"),
    # acres are an amount; "alias" is no set
    ("The thousands of sprawling acres in rural northeast Louisiana had gone unwanted.", "thousands", "includes",
     "Louisiana"),
    ("Velan alias “Major” Tarn was deported back to Sri Lanka.", "alias", "includes", "Tarn"),
    # a reported clause whose subject the parser made the object of "added"
    ("Minister Ana Velor spoke. She added an accord with the World Bank could be a very helpful support.",
     "Ana Velor", "signsAgreementWith", "World Bank"),
    # who changes or reviews an agreement is no side of it
    ("The Velor Energy Board would call for substantial changes to the agreement with Tarn Power, the utility said.",
     "Velor Energy Board", "signsAgreementWith", "Tarn Power"),
    # faiths are topics; a compass adjective before a noun is no name; a failure to strike a deal is none struck
    ("Such cases have been found across various faiths, including Christianity and Islam.", "various faiths",
     "includes", "Islam"),
    ("Peru has reached an agreement with Western creditors on refinancing its debt.", "Peru", "signsAgreementWith",
     "Western"),
    ("It shows the frustration of the government over its failure to strike a deal with Velmar Corp.", "government",
     "signsAgreementWith", "Velmar Corp"),
    # a place word at the start of a name is no place the article names
    ("Mr Modi will receive a guard of honour at the Independence Square.", "Independence Square", "locatedIn",
     "Independence"),
    # an interest in buying is no purchase; two listed names are two names
    ("Dongwon Industries expressed its interest in acquiring HMM Co.", "Dongwon", "includes", "HMM"),
    ("Shares in banks such as HSBC and Barclays fell on Monday.", "banks", "includes", "hsbc and barclays"),
]


def _facts(text: str) -> set[tuple[str, str, str]]:
    graph = kg.build(texts=[text])
    rows = graph.query("""
        SELECT ?s ?p ?o WHERE {
          ?a ?pp ?b . ?a rdfs:label|skos:altLabel ?s . ?b rdfs:label|skos:altLabel ?o .
          FILTER(?pp IN (kg:visited, kg:includes, kg:locatedIn, kg:signsAgreementWith))
          BIND(STRAFTER(STR(?pp), "#") AS ?p)
        }""").rows
    return {(s.casefold(), p, o.casefold()) for s, p, o in rows}


@pytest.mark.parametrize("text,subject,relation,obj", POSITIVE, ids=[f"{r}:{s}->{o}" for _, s, r, o in POSITIVE])
def test_pattern_finds(text: str, subject: str, relation: str, obj: str) -> None:
    facts = _facts(text)
    assert any(r == relation and subject.casefold() in s and obj.casefold() in o for s, r, o in facts), facts


@pytest.mark.parametrize("text,subject,relation,obj", NEGATIVE, ids=[f"not-{r}:{s}->{o}" for _, s, r, o in NEGATIVE])
def test_not_a_fact(text: str, subject: str, relation: str, obj: str) -> None:
    facts = _facts(text)
    assert not any(r == relation and subject.casefold() in s and obj.casefold() in o for s, r, o in facts), facts


def test_a_user_pattern_replaces_the_built_in_one_with_its_id(tmp_path) -> None:
    import json

    # same id as the built-in visit pattern, but matching only "tour": "visited" must no longer count
    patterns = tmp_path / "visited.json"
    patterns.write_text(json.dumps({
        "relation": "visited", "subject_types": ["Person"], "object_types": ["Place"],
        "patterns": [{"id": "visited/visit-verb", "confidence": 0.5, "pattern": [
            {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "tour", "POS": "VERB"}},
            {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "dobj"}}],
            "subject": {"agent_of": "trigger"}, "object": "object"}]}), encoding="utf-8")
    text = "Mayor Jane Doe visited Springfield on Tuesday."
    assert ("jane doe", "visited", "springfield") in _facts(text)  # the built-in pattern first (cached)
    graph = kg.build(texts=[text], patterns=[patterns])
    rows = graph.query("SELECT ?x WHERE { ?e kg:extractor ?x }").rows
    assert ("visited/visit-verb",) not in rows


def test_a_group_that_is_its_sentence_root_does_not_stall_extraction() -> None:
    # a line-broken fragment makes the group the root of its sentence; walking up from a root to
    # "its head" once looped for ever (a token is not its own head object). The doc timeout turns
    # a stall into an error, which build raises without on_error.
    text = "The summit opens in Davos on Tuesday. Global leaders, who are coming to attend the summit."
    graph = kg.build(texts=[text], doc_timeout=20)
    assert graph.query("SELECT ?g WHERE { ?g a kg:Group }").rows
