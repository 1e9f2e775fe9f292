"""Realistic NSP-style titles and the queries people type for them, to measure the search.

About 250 Czech occupation titles of the kind the NSP holds, each with alternative names
(English ones too), a one-sentence description and hand-written queries: an inflected
form, a feminine form ("-": none, the title is feminine already), an alternative or
English name, and words from the description. Each line of DATA:

    title | alternative names (;) | description | inflected | feminine | alternative | description words

`entries()` gives them as dicts; `queries()` gives (kind, query, title) for the kinds
title, nodia (the exact title without diacritics), infl, fem, alt, desc and typo (one
deterministic edit - a letter missing, extra, wrong, or two swapped - in one word of five
letters or more of the folded title). bench/bench_search.py puts these profiles among a
generated corpus and reports, per kind, how often the intended one is among the first
five. They are invented for measuring, and never reach users.
"""

import random

from portal.czech import fold

DATA = """
Prodavač | Prodavač v obchodě; Shop Assistant; Sales Assistant | Prodavač prodává zboží zákazníkům v prodejně, doplňuje zboží do regálů, kontroluje data spotřeby a obsluhuje pokladnu. | prodavače | prodavačka | shop assistant | doplňování zboží do regálů
Pokladník | Pokladní; Cashier | Pokladník markuje nakoupené zboží, přijímá platby v hotovosti i platebními kartami a vede pokladní knihu. | pokladníci | pokladní | cashier | markování zboží
Kuchař | Chef; Cook; Kuchař v restauraci | Kuchař připravuje teplá a studená jídla podle receptur, dodržuje hygienické předpisy a stará se o suroviny v kuchyni. | kuchaři | kuchařka | chef | příprava teplých jídel
Číšník | Servírka; Waiter; Obsluha restaurace | Číšník obsluhuje hosty v restauraci, přijímá objednávky, servíruje jídla a nápoje a inkasuje platby. | číšníka | číšnice | waiter | obsluha hostů v restauraci
Barman | Bartender; Míchač nápojů | Barman připravuje a podává míchané nápoje, kávu a další nápoje za barovým pultem. | barmana | barmanka | bartender | míchané nápoje
Řidič nákladního automobilu | Řidič kamionu; Truck Driver; Kamioňák | Řidič nákladního automobilu přepravuje zboží a materiál nákladním vozidlem, kontroluje technický stav vozidla a zajišťuje nakládku. | řidiči nákladních automobilů | řidička nákladního automobilu | truck driver | technický stav vozidla
Řidič autobusu | Řidič městské hromadné dopravy; Bus Driver | Řidič autobusu přepravuje cestující v linkové nebo zájezdové dopravě, prodává jízdenky a dbá na bezpečnost cestujících. | řidiče autobusu | řidička autobusu | bus driver | přeprava cestujících
Řidič taxislužby | Taxikář; Taxi Driver | Řidič taxislužby přepravuje osoby vozidlem taxislužby na objednávku a účtuje jízdné podle taxametru. | řidiče taxislužby | řidička taxislužby | taxikář | jízdné podle taxametru
Všeobecná sestra | Zdravotní sestra; Všeobecný ošetřovatel; Registered Nurse | Všeobecná sestra poskytuje ošetřovatelskou péči pacientům, podává léky podle ordinace lékaře a sleduje fyziologické funkce. | všeobecné sestry | - | zdravotní sestra | ošetřovatelská péče o pacienty
Učitel mateřské školy | Pedagog v mateřské škole; Kindergarten Teacher; Předškolní pedagog | Učitel mateřské školy vychovává a vzdělává děti předškolního věku, plánuje vzdělávací činnosti a spolupracuje s rodiči. | učitele mateřských škol | učitelka mateřské školy | kindergarten teacher | děti předškolního věku
Učitel základní školy | Učitel na prvním stupni; Primary School Teacher | Učitel základní školy vyučuje žáky ve vyučovacích předmětech, připravuje výuku, hodnotí výsledky žáků a vede třídnickou agendu. | učitelé základních škol | učitelka základní školy | primary school teacher | výsledky žáků
Učitel střední školy | Středoškolský učitel; Secondary School Teacher | Učitel střední školy vyučuje všeobecně vzdělávací nebo odborné předměty a připravuje studenty k maturitní zkoušce. | učitelům středních škol | učitelka střední školy | středoškolský učitel | příprava k maturitní zkoušce
Asistent pedagoga | Teaching Assistant; Školní asistent | Asistent pedagoga pomáhá učiteli ve třídě při práci s žáky se speciálními vzdělávacími potřebami. | asistenta pedagoga | asistentka pedagoga | teaching assistant | speciální vzdělávací potřeby
Vychovatel | Vychovatel ve školní družině; Educator | Vychovatel vede zájmovou činnost dětí ve školní družině, na internátu nebo v domově mládeže a dohlíží na jejich volný čas. | vychovatelé | vychovatelka | educator | zájmová činnost dětí
Účetní | Samostatný účetní; Accountant; Bookkeeper | Účetní vede účetnictví firmy, zpracovává účetní doklady, připravuje daňová přiznání a účetní závěrku. | účetního | účetní | accountant | zpracování účetních dokladů
Mzdový účetní | Payroll Specialist; Referent mzdové agendy | Mzdový účetní zpracovává mzdy zaměstnanců, vypočítává odvody sociálního a zdravotního pojištění a daně ze závislé činnosti. | mzdových účetních | mzdová účetní | payroll specialist | výpočet mezd zaměstnanců
Hlavní účetní | Chief Accountant; Vedoucí účtárny | Hlavní účetní řídí účetní oddělení, odpovídá za účetní závěrku a komunikuje s auditory a finančním úřadem. | hlavního účetního | hlavní účetní | chief accountant | účetní závěrka
Daňový poradce | Tax Advisor; Tax Consultant | Daňový poradce poskytuje poradenství v oblasti daní, zpracovává daňová přiznání a zastupuje klienty před finančním úřadem. | daňovému poradci | daňová poradkyně | tax advisor | daňová přiznání
Auditor | Finanční auditor; Statutory Auditor | Auditor ověřuje účetní závěrky a výroční zprávy společností a posuzuje vnitřní kontrolní systém. | auditora | auditorka | statutory auditor | výroční zprávy
Bankovní poradce | Bankovní úředník; Personal Banker; Poradce pro klienty banky | Bankovní poradce prodává bankovní produkty, zakládá účty, poskytuje úvěry a poradenství klientům na pobočce banky. | bankovních poradců | bankovní poradkyně | personal banker | bankovní produkty na pobočce
Pojišťovací agent | Pojišťovací poradce; Insurance Agent | Pojišťovací agent nabízí a sjednává pojistné smlouvy, posuzuje pojistná rizika a pečuje o klienty. | pojišťovacího agenta | pojišťovací agentka | insurance agent | pojistné smlouvy
Likvidátor pojistných událostí | Claims Adjuster; Likvidátor škod | Likvidátor pojistných událostí šetří a vyhodnocuje pojistné události, stanoví výši škody a pojistného plnění. | likvidátora pojistných událostí | likvidátorka pojistných událostí | claims adjuster | výše škody a pojistného plnění
Realitní makléř | Realitní agent; Real Estate Agent; Realitní zprostředkovatel | Realitní makléř zprostředkovává prodej a pronájem nemovitostí, prezentuje nemovitosti zájemcům a připravuje smlouvy. | realitní makléři | realitní makléřka | real estate agent | pronájem nemovitostí
Uklízeč | Uklízeč kanceláří; Cleaner; Pracovník úklidu | Uklízeč provádí úklid kanceláří, veřejných prostor a sociálních zařízení, vysává, myje podlahy a vynáší odpad. | uklízeče | uklízečka | cleaner | úklid kanceláří
Kadeřník | Kadeřník a holič; Hairdresser; Stylista vlasů | Kadeřník provádí stříhání, barvení a úpravu vlasů zákazníků, trvalou ondulaci a poradí s péčí o vlasy. | kadeřníka | kadeřnice | hairdresser | barvení vlasů
Holič | Barber; Pánský kadeřník | Holič stříhá a upravuje pánské vlasy a vousy a provádí holení břitvou. | holiče | holička | barber | holení břitvou
Kosmetik | Kosmetický specialista; Beautician; Cosmetician | Kosmetik provádí kosmetické ošetření pleti, líčení, úpravu obočí a řas a poradí s výběrem kosmetických přípravků. | kosmetikovi | kosmetička | beautician | ošetření pleti
Pedikér | Pedicurist; Specialista péče o nohy | Pedikér provádí ošetření chodidel a nehtů na nohou, odstraňuje ztvrdlou kůži a kuří oka. | pedikéra | pedikérka | pedicurist | ošetření nehtů na nohou
Masér | Sportovní masér; Masseur; Massage Therapist | Masér provádí klasické, sportovní a reflexní masáže, uvolňuje svalové napětí a doporučuje regenerační procedury. | maséři | masérka | massage therapist | reflexní masáže
Fyzioterapeut | Rehabilitační pracovník; Physiotherapist | Fyzioterapeut vyšetřuje pohybový aparát, sestavuje rehabilitační plán a vede pacienty při léčebném cvičení. | fyzioterapeuta | fyzioterapeutka | physiotherapist | léčebné cvičení
Praktický lékař pro dospělé | Všeobecný praktický lékař; General Practitioner; Obvodní lékař | Praktický lékař pro dospělé poskytuje primární zdravotní péči, diagnostikuje a léčí nemoci, předepisuje léky a vystavuje pracovní neschopnost. | praktického lékaře pro dospělé | praktická lékařka pro dospělé | general practitioner | primární zdravotní péče
Zubní lékař | Stomatolog; Zubař; Dentist | Zubní lékař preventivně vyšetřuje chrup, ošetřuje zubní kaz, provádí extrakce zubů a zhotovuje náhrady. | zubního lékaře | zubní lékařka | dentist | zubní kaz
Lékárník | Farmaceut; Pharmacist | Lékárník vydává léčivé přípravky na recept, poskytuje odborné rady k užívání léků a připravuje léčiva v lékárně. | lékárníci | lékárnice | pharmacist | léky na recept
Farmaceutický asistent | Pharmacy Technician; Laborant v lékárně | Farmaceutický asistent pomáhá s výdejem volně prodejných léčiv, objednává zboží a vede evidenci léčiv v lékárně. | farmaceutického asistenta | farmaceutická asistentka | pharmacy technician | volně prodejná léčiva
Zdravotnický záchranář | Záchranář; Paramedic | Zdravotnický záchranář poskytuje přednemocniční neodkladnou péči na místě události a při transportu pacientů. | zdravotničtí záchranáři | zdravotnická záchranářka | paramedic | přednemocniční neodkladná péče
Porodní asistentka | Porodní asistent; Midwife | Porodní asistentka pečuje o ženy během těhotenství, porodu a šestinedělí a o novorozence. | porodní asistentky | - | midwife | péče o novorozence
Sanitář | Pomocný zdravotnický pracovník; Orderly | Sanitář pomáhá při přepravě pacientů, při hygieně nemocných a při úklidu zdravotnických pomůcek. | sanitáři | sanitářka | orderly | přeprava pacientů
Praktická sestra | Ošetřovatel; Nursing Assistant | Praktická sestra poskytuje základní ošetřovatelskou péči a pomáhá pacientům s hygienou, stravováním a pohybem. | praktické sestry | - | nursing assistant | pomoc pacientům s hygienou
Pracovník v sociálních službách | Pracovník přímé péče; Social Care Worker | Pracovník v sociálních službách pomáhá klientům se sebeobsluhou, hygienou a péčí o domácnost, doprovází je a aktivizuje. | pracovníci v sociálních službách | pracovnice v sociálních službách | social care worker | pomoc se sebeobsluhou
Pečovatel | Pečovatel o seniory; Caregiver; Osobní asistent | Pečovatel zajišťuje péči o seniory a osoby se zdravotním postižením v jejich domácnosti a pomáhá s nákupy, úklidem a osobní hygienou. | pečovatelé | pečovatelka | caregiver | péče o seniory
Sociální pracovník | Social Worker; Sociální kurátor | Sociální pracovník poskytuje sociální poradenství, řeší nepříznivé sociální situace klientů a spolupracuje s úřady. | sociálních pracovníků | sociální pracovnice | social worker | sociální poradenství
Psycholog | Poradenský psycholog; Psychologist | Psycholog provádí psychologickou diagnostiku, poskytuje psychologické poradenství a terapii klientům. | psychologové | psycholožka | psychologist | psychologická diagnostika
Veterinární lékař | Veterinář; Zvěrolékař; Veterinarian | Veterinární lékař vyšetřuje a léčí zvířata, provádí očkování, chirurgické zákroky a veterinární dozor nad chovy. | veterinárního lékaře | veterinární lékařka | veterinarian | očkování zvířat
Skladník | Skladový dělník; Warehouse Worker; Storekeeper | Skladník přijímá, ukládá a vydává zboží ve skladu, vychystává objednávky a vede skladovou evidenci. | skladníci | skladnice | warehouse worker | skladová evidence
Operátor call centra | Operátor zákaznické linky; Call Centre Agent; Telefonický operátor | Operátor call centra vyřizuje telefonické dotazy a požadavky zákazníků, zadává objednávky a řeší reklamace. | operátoři call center | operátorka call centra | call centre agent | telefonické dotazy zákazníků
Pracovník ostrahy | Strážný; Security Guard; Bezpečnostní pracovník | Pracovník ostrahy střeží objekty a majetek, kontroluje vstupy osob a vozidel a provádí obchůzky. | pracovníka ostrahy | pracovnice ostrahy | security guard | obchůzky a kontrola vstupů
Hasič | Profesionální hasič; Firefighter | Hasič zasahuje při požárech, dopravních nehodách a živelních pohromách a zachraňuje osoby a majetek. | hasiči | hasička | firefighter | zásah u požáru
Policista | Police Officer; Policista Policie ČR | Policista chrání bezpečnost osob a majetku, udržuje veřejný pořádek a odhaluje trestnou činnost. | policisté | policistka | police officer | veřejný pořádek
Zahradník | Sadovník; Gardener | Zahradník pěstuje okrasné a užitkové rostliny, zakládá a udržuje zahrady, parky a zelené plochy. | zahradníka | zahradnice | gardener | okrasné rostliny
Pekař | Baker | Pekař vyrábí chléb, pečivo a další pekařské výrobky, připravuje těsto a obsluhuje pece. | pekaři | pekařka | baker | chléb a pečivo
Řezník a uzenář | Řezník; Butcher; Uzenář | Řezník a uzenář bourá maso, vyrábí masné a uzenářské výrobky a prodává je v řeznictví. | řezníci a uzenáři | řeznice | butcher | bourání masa
Cukrář | Pastry Chef | Cukrář vyrábí dorty, zákusky a cukrářské výrobky, zdobí je a připravuje krémy a náplně. | cukráři | cukrářka | pastry chef | dorty a zákusky
Instalatér | Plumber; Instalatér vody a topení | Instalatér montuje a opravuje vodovodní, odpadní a plynová potrubí, sanitární zařízení a rozvody topení. | instalatéra | instalatérka | plumber | vodovodní potrubí
Tesař | Carpenter; Tesař krovů | Tesař zhotovuje a montuje dřevěné konstrukce, krovy, stropy a bednění na stavbách. | tesaři | tesařka | carpenter | dřevěné konstrukce
Truhlář | Joiner; Nábytkář; Cabinet Maker | Truhlář vyrábí a opravuje nábytek, okna, dveře a další výrobky ze dřeva a dřevotřísky. | truhláře | truhlářka | cabinet maker | nábytek ze dřeva
Pokrývač | Roofer | Pokrývač pokrývá střechy taškami, plechem a jinými krytinami a opravuje střešní konstrukce. | pokrývači | pokrývačka | roofer | střešní krytiny
Malíř a natěrač | Malíř pokojů; Painter and Decorator; Natěrač | Malíř a natěrač maluje stěny a stropy interiérů, natírá kovové a dřevěné konstrukce a tapetuje. | malíři a natěrači | malířka a natěračka | painter and decorator | stěny a stropy interiérů
Zámečník | Strojní zámečník; Fitter | Zámečník vyrábí, montuje a opravuje kovové součásti strojů a zařízení a pracuje s ručním i strojním nářadím. | zámečníci | zámečnice | fitter | kovové součásti strojů
Obráběč kovů | Soustružník; Frézař; CNC obráběč; Machinist | Obráběč kovů obrábí kovové součásti na soustruzích, frézkách a CNC strojích podle výkresové dokumentace. | obráběče kovů | obráběčka kovů | machinist | soustruhy a frézky
Svářeč | Welder; Svářeč kovů | Svářeč spojuje kovové díly svařováním elektrickým obloukem, plamenem nebo v ochranné atmosféře. | svářeči | svářečka | welder | svařování elektrickým obloukem
Zedník | Bricklayer; Stavební zedník | Zedník provádí zdění, omítání, betonáž a drobné stavební práce na novostavbách a rekonstrukcích. | zedníci | zednice | bricklayer | zdění a omítání
Elektromechanik | Elektromechanik elektrických zařízení; Electromechanic | Elektromechanik montuje, zapojuje a opravuje elektrická zařízení, stroje a rozvodné sítě. | elektromechanika | elektromechanička | electromechanic | rozvodné sítě
Elektrikář | Electrician; Elektroinstalatér | Elektrikář provádí elektroinstalace v budovách, montuje rozvaděče, zásuvky a osvětlení. | elektrikáři | elektrikářka | electrician | rozvaděče a zásuvky
Automechanik | Mechanik motorových vozidel; Car Mechanic; Autoopravář | Automechanik diagnostikuje a opravuje osobní a nákladní automobily, vyměňuje díly a provádí servisní prohlídky. | automechanici | automechanička | car mechanic | servisní prohlídky automobilů
Autoklempíř | Karosář; Car Body Repairer | Autoklempíř opravuje poškozené karoserie automobilů, rovná plechy a vyměňuje díly karoserie. | autoklempíře | autoklempířka | karosář | karoserie automobilů
Lakýrník | Autolakýrník; Spray Painter | Lakýrník připravuje povrchy a nanáší nátěrové hmoty a laky na automobily, kovy a dřevo. | lakýrníci | lakýrnice | spray painter | nátěrové hmoty
Programátor | Software Developer; Vývojář softwaru; Programmer | Programátor navrhuje, píše a testuje zdrojový kód aplikací a informačních systémů. | programátoři | programátorka | software developer | zdrojový kód
Tester softwaru | Software Tester; QA Engineer | Tester softwaru navrhuje a provádí testy aplikací, hledá chyby a popisuje je vývojářům. | testera softwaru | testerka softwaru | qa engineer | testy aplikací
Správce IT | Správce počítačové sítě; IT Administrator; System Administrator | Správce IT spravuje počítačové sítě, servery a uživatelské účty a zajišťuje zálohování dat. | správci IT | správkyně IT | system administrator | zálohování dat
Webový designér | Web Designer; Grafik webu | Webový designér navrhuje vzhled a uživatelské rozhraní webových stránek a aplikací. | webového designéra | webová designérka | web designer | rozhraní webových stránek
Grafik | Grafický designér; Graphic Designer | Grafik navrhuje grafické materiály, loga, plakáty a tiskoviny a připravuje podklady pro tisk. | grafici | grafička | graphic designer | loga a plakáty
Datový analytik | Data Analyst; Analytik dat | Datový analytik sbírá, čistí a analyzuje data a tvoří reporty a vizualizace pro podporu rozhodování. | datoví analytici | datová analytička | data analyst | vizualizace dat
Knihovník | Librarian | Knihovník půjčuje knihy a další dokumenty, katalogizuje fondy knihovny a poskytuje informační služby čtenářům. | knihovníka | knihovnice | librarian | půjčování knih
Recepční | Recepční v hotelu; Receptionist; Front Desk Agent | Recepční vítá hosty, provádí check-in a check-out, vyřizuje rezervace ubytování a poskytuje informace. | recepčního | recepční | receptionist | rezervace ubytování
Průvodce cestovního ruchu | Turistický průvodce; Tour Guide; Delegát cestovní kanceláře | Průvodce cestovního ruchu provází turisty po památkách a výletech, podává výklad a organizuje program zájezdu. | průvodci cestovního ruchu | průvodkyně cestovního ruchu | tour guide | výklad o památkách
Soudce | Judge; Soudce okresního soudu | Soudce rozhoduje spory a trestní věci, vede soudní jednání a vydává rozsudky. | soudci | soudkyně | judge | soudní jednání
Advokát | Lawyer; Attorney; Právní zástupce | Advokát poskytuje právní služby, zastupuje klienty před soudy a sepisuje smlouvy a právní rozbory. | advokáti | advokátka | lawyer | právní služby
Notář | Notary | Notář sepisuje notářské zápisy, ověřuje listiny a podpisy a vede dědická řízení. | notáři | notářka | notary | dědické řízení
Soudní exekutor | Exekutor; Bailiff | Soudní exekutor provádí nucený výkon exekučních titulů a vymáhá pohledávky věřitelů. | soudního exekutora | soudní exekutorka | bailiff | exekuční tituly
Podnikový právník | Legal Counsel; In-house Lawyer; Firemní právník | Podnikový právník zajišťuje právní agendu společnosti, posuzuje smlouvy a zastupuje firmu v právních sporech. | podnikoví právníci | podniková právnička | legal counsel | právní spory
Personalista | HR specialista; HR Specialist; Personální referent | Personalista zajišťuje nábor a výběr zaměstnanců, adaptaci nováčků a personální administrativu. | personalisté | personalistka | hr specialist | nábor zaměstnanců
Náborář | Recruiter; Specialista náboru | Náborář vyhledává kandidáty na volné pozice, vede pohovory a spolupracuje s vedoucími při výběru. | náboráři | náborářka | recruiter | pohovory s kandidáty
Office manažer | Asistent ředitele; Office Manager; Sekretář | Office manažer zajišťuje chod kanceláře, organizuje schůzky, vyřizuje korespondenci a objednává kancelářské potřeby. | office manažera | office manažerka | sekretář | chod kanceláře
Obchodní zástupce | Sales Representative; Obchodní reprezentant | Obchodní zástupce vyhledává nové zákazníky, prezentuje produkty firmy, sjednává obchodní podmínky a uzavírá smlouvy. | obchodní zástupci | obchodní zástupkyně | sales representative | noví zákazníci
Obchodník s cennými papíry | Makléř cenných papírů; Securities Trader; Broker | Obchodník s cennými papíry nakupuje a prodává cenné papíry na burze pro klienty. | obchodníci s cennými papíry | obchodnice s cennými papíry | securities trader | burza cenných papírů
Marketingový specialista | Marketing Specialist; Marketér | Marketingový specialista plánuje marketingové kampaně, analyzuje trh a spravuje komunikaci značky na sociálních sítích. | marketingoví specialisté | marketingová specialistka | marketér | marketingové kampaně
Nákupčí | Buyer; Purchasing Officer; Referent nákupu | Nákupčí vyhledává dodavatele, vyjednává ceny a podmínky dodávek a zajišťuje nákup materiálu a zboží. | nákupčího | nákupčí | buyer | vyjednávání cen
Logistik | Logistics Specialist; Plánovač logistiky | Logistik plánuje a řídí tok materiálu a zboží a optimalizuje přepravu a skladové zásoby. | logistici | logistička | logistics specialist | tok materiálu
Dispečer dopravy | Dispečer nákladní dopravy; Transport Dispatcher; Spediter | Dispečer dopravy plánuje trasy vozidel, přiděluje řidičům zakázky a sleduje plnění přeprav. | dispečeři dopravy | dispečerka dopravy | transport dispatcher | trasy vozidel
Kurýr | Doručovatel zásilek; Courier; Rozvozce | Kurýr doručuje zásilky a balíky adresátům, přebírá zásilky od odesílatelů a vybírá dobírky. | kurýři | kurýrka | courier | doručování balíků
Poštovní doručovatel | Listonoš; Postman; Pošťák | Poštovní doručovatel doručuje listovní a balíkové zásilky, důchody a poukázky adresátům v přiděleném rajonu. | poštovní doručovatelé | poštovní doručovatelka | listonoš | doručování důchodů
Strojvedoucí | Train Driver; Strojvůdce | Strojvedoucí řídí hnací vozidla na železnici, kontroluje technický stav lokomotivy a dodržuje návěsti. | strojvedoucího | strojvedoucí | train driver | řízení lokomotivy
Pilot dopravního letadla | Airline Pilot; Dopravní pilot; Kapitán letadla | Pilot dopravního letadla řídí letadlo při přepravě cestujících a nákladu, připravuje let a komunikuje s řízením letového provozu. | piloti dopravních letadel | pilotka dopravního letadla | airline pilot | řízení letadla
Palubní průvodčí | Letuška; Steward; Flight Attendant | Palubní průvodčí zajišťuje bezpečnost a pohodlí cestujících na palubě letadla a podává občerstvení. | palubního průvodčího | palubní průvodčí | flight attendant | občerstvení na palubě letadla
Řidič vysokozdvižného vozíku | Vozíčkář; Forklift Driver; Řidič VZV | Řidič vysokozdvižného vozíku přepravuje a zakládá palety se zbožím ve skladu pomocí vysokozdvižného vozíku. | řidiči vysokozdvižných vozíků | řidička vysokozdvižného vozíku | forklift driver | palety se zbožím
Jeřábník | Crane Operator; Obsluha jeřábu | Jeřábník obsluhuje jeřáby při přemisťování břemen na stavbách a v průmyslových provozech. | jeřábníci | jeřábnice | crane operator | přemisťování břemen
Operátor výroby | Výrobní dělník; Production Operator; Obsluha linky | Operátor výroby obsluhuje výrobní linku, kontroluje kvalitu výrobků a hlásí poruchy. | operátoři výroby | operátorka výroby | production operator | výrobní linka
Montážní dělník | Montážník; Assembly Worker | Montážní dělník sestavuje výrobky a jejich části na montážní lince podle technologického postupu. | montážní dělníci | montážní dělnice | assembly worker | montážní linka
Pomocný dělník | Manual Worker; Pomocný pracovník | Pomocný dělník vykonává jednoduché manuální práce při výrobě, na stavbě nebo ve skladu. | pomocných dělníků | pomocná dělnice | manual worker | jednoduché manuální práce
Stavbyvedoucí | Site Manager; Vedoucí stavby | Stavbyvedoucí řídí realizaci stavby, koordinuje subdodavatele, kontroluje kvalitu prací a vede stavební deník. | stavbyvedoucího | stavbyvedoucí | site manager | stavební deník
Mistr ve stavebnictví | Stavební mistr; Foreman | Mistr ve stavebnictví organizuje práci dělníků na stavbě, přiděluje úkoly a kontroluje dodržování technologie. | mistři ve stavebnictví | mistrová ve stavebnictví | foreman | práce dělníků na stavbě
Architekt | Architect; Autorizovaný architekt | Architekt navrhuje budovy a urbanistické celky, zpracovává projektovou dokumentaci a vykonává autorský dozor. | architekti | architektka | architect | autorský dozor
Stavební inženýr | Civil Engineer; Projektant staveb | Stavební inženýr navrhuje a posuzuje stavební konstrukce, připravuje projekty a řídí výstavbu. | stavební inženýři | stavební inženýrka | civil engineer | stavební konstrukce
Geodet | Zeměměřič; Surveyor | Geodet provádí zeměměřické práce, vytyčuje stavby, zaměřuje pozemky a vyhotovuje geometrické plány. | geodeti | geodetka | surveyor | geometrický plán
Kominík | Chimney Sweep | Kominík čistí a kontroluje komíny a kouřovody a provádí revize spalinových cest. | kominíka | kominice | chimney sweep | revize spalinových cest
Sklenář | Glazier | Sklenář řeže a osazuje skleněné tabule do oken, dveří a výloh. | sklenáři | sklenářka | glazier | skleněné tabule
Podlahář | Floor Layer | Podlahář pokládá podlahové krytiny, parkety, plovoucí podlahy a linoleum. | podlaháři | podlahářka | floor layer | plovoucí podlahy
Obkladač | Tiler; Obkladač a dlaždič | Obkladač obkládá stěny a podlahy keramickými obklady a dlažbou. | obkladače | obkladačka | tiler | keramické obklady
Klempíř | Tinsmith; Stavební klempíř | Klempíř vyrábí a montuje okapy, svody a plechové střešní prvky. | klempíři | klempířka | tinsmith | okapy a svody
Zahradní architekt | Landscape Architect; Krajinářský architekt | Zahradní architekt navrhuje zahrady, parky a veřejnou zeleň a řídí jejich realizaci. | zahradního architekta | zahradní architektka | landscape architect | veřejná zeleň
Lesník | Forester; Revírník | Lesník pečuje o lesní porosty, plánuje těžbu dřeva a zalesňování a chrání les před škůdci. | lesníci | lesnice | forester | lesní porosty
Dřevorubec | Lumberjack; Lesní dělník; Těžař dřeva | Dřevorubec kácí stromy motorovou pilou, odvětvuje je a připravuje dřevo k odvozu. | dřevorubci | - | lumberjack | motorová pila
Zemědělec | Farmer; Zemědělský podnikatel; Soukromý rolník | Zemědělec pěstuje plodiny a chová hospodářská zvířata a obsluhuje zemědělskou techniku. | zemědělci | zemědělkyně | farmer | zemědělská technika
Traktorista | Tractor Driver; Řidič traktoru | Traktorista obsluhuje traktor a zemědělské stroje při orbě, setí a sklizni. | traktoristé | traktoristka | tractor driver | orba a setí
Chovatel hospodářských zvířat | Ošetřovatel zvířat; Livestock Farmer; Zootechnik | Chovatel hospodářských zvířat krmí a ošetřuje skot, prasata a drůbež a dohlíží na jejich zdraví. | chovatelé hospodářských zvířat | chovatelka hospodářských zvířat | livestock farmer | skot, prasata a drůbež
Vinař | Winemaker; Vinohradník | Vinař pěstuje vinnou révu, sklízí hrozny a vyrábí víno ve vinném sklepě. | vinaři | vinařka | winemaker | vinná réva
Florista | Květinář; Florist; Aranžér květin | Florista váže kytice, aranžuje květiny a prodává květiny a dekorace v květinářství. | floristé | floristka | florist | kytice a květiny
Šéfkuchař | Head Chef; Vedoucí kuchař; Executive Chef | Šéfkuchař řídí provoz kuchyně, sestavuje jídelní lístek, objednává suroviny a vede tým kuchařů. | šéfkuchaři | šéfkuchařka | head chef | jídelní lístek
Pomocný kuchař | Kitchen Assistant; Pomocník v kuchyni | Pomocný kuchař připravuje suroviny, škrábe zeleninu, myje nádobí a pomáhá kuchaři s přípravou jídel. | pomocní kuchaři | pomocná kuchařka | kitchen assistant | škrábe zeleninu
Provozní restaurace | Restaurant Manager; Vedoucí restaurace | Provozní restaurace řídí chod restaurace, plánuje směny zaměstnanců, objednává zboží a řeší stížnosti hostů. | provozního restaurace | provozní restaurace | restaurant manager | stížnosti hostů
Pokojská | Chambermaid; Room Attendant; Uklízečka v hotelu | Pokojská uklízí hotelové pokoje, vyměňuje ložní prádlo a ručníky a doplňuje hygienické potřeby. | pokojské | - | room attendant | ložní prádlo
Barista | Barista v kavárně; Coffee Specialist | Barista připravuje espresso a kávové nápoje, pečuje o kávovar a radí hostům s výběrem kávy. | baristé | baristka | coffee specialist | kávové nápoje
Sommelier | Someliér; Wine Steward | Sommelier doporučuje hostům vína k jídlu a spravuje vinný sklep a vinný lístek. | sommeliera | sommelierka | wine steward | vinný lístek
Referent cestovní kanceláře | Travel Agent; Prodejce zájezdů | Referent cestovní kanceláře prodává zájezdy a letenky, radí klientům s výběrem dovolené a vyřizuje rezervace. | referenta cestovní kanceláře | referentka cestovní kanceláře | travel agent | zájezdy a letenky
Voják z povolání | Profesionální voják; Soldier | Voják z povolání plní úkoly obrany státu, absolvuje výcvik a účastní se zahraničních misí. | vojáci z povolání | vojákyně z povolání | soldier | zahraniční mise
Celník | Customs Officer; Celní úředník | Celník kontroluje zboží a dokumenty při dovozu a vývozu, vyměřuje clo a odhaluje pašování. | celníci | celnice | customs officer | dovoz a vývoz zboží
Strážník městské policie | Městský strážník; Municipal Police Officer | Strážník městské policie dohlíží na veřejný pořádek v obci, řeší přestupky a kontroluje dodržování vyhlášek. | strážníci městské policie | strážnice městské policie | městský strážník | přestupky
Vězeňský dozorce | Prison Guard; Příslušník vězeňské služby | Vězeňský dozorce střeží odsouzené ve věznici, kontroluje cely a doprovází vězně. | vězeňští dozorci | vězeňská dozorkyně | prison guard | odsouzení ve věznici
Referent státní správy | Úředník státní správy; Civil Servant; Státní úředník | Referent státní správy vyřizuje správní řízení, připravuje rozhodnutí a vede agendu úřadu. | referenti státní správy | referentka státní správy | civil servant | správní řízení
Matrikář | Registrar | Matrikář zapisuje narození, sňatky a úmrtí do matričních knih a vydává matriční doklady. | matrikáři | matrikářka | registrar | sňatky a úmrtí
Archivář | Archivist | Archivář eviduje, uchovává a zpřístupňuje archiválie a zpracovává archivní fondy. | archiváři | archivářka | archivist | archivní fondy
Novinář | Redaktor; Journalist; Reportér | Novinář vyhledává a zpracovává informace a píše články a reportáže pro tisk, rozhlas, televizi nebo internet. | novináři | novinářka | journalist | články a reportáže
Překladatel | Translator; Překladatel z angličtiny | Překladatel překládá odborné a literární texty z cizího jazyka do češtiny a naopak. | překladatelé | překladatelka | translator | literární texty
Tlumočník | Interpreter; Soudní tlumočník | Tlumočník převádí mluvené slovo z jednoho jazyka do druhého při jednáních, konferencích a soudních řízeních. | tlumočníci | tlumočnice | interpreter | mluvené slovo
Fotograf | Photographer | Fotograf pořizuje portrétní, reklamní a reportážní fotografie a upravuje snímky v počítači. | fotografové | fotografka | photographer | portrétní fotografie
Kameraman | Cameraman; Camera Operator | Kameraman natáčí filmové a televizní záběry, volí kompozici obrazu a obsluhuje kameru. | kameramani | kameramanka | camera operator | televizní záběry
Herec | Actor; Činoherec | Herec ztvárňuje role v divadelních představeních, filmech a televizních inscenacích. | herci | herečka | actor | role v divadle
Zpěvák | Singer; Sólista | Zpěvák interpretuje vokální skladby při koncertech, nahrávání a divadelních představeních. | zpěváci | zpěvačka | singer | vokální skladby
Hudebník | Musician; Instrumentalista | Hudebník hraje na hudební nástroj v orchestru, kapele nebo jako sólista. | hudebníci | hudebnice | musician | hudební nástroj
Tanečník | Dancer; Baletní tanečník | Tanečník vystupuje v tanečních představeních, nacvičuje choreografie a udržuje fyzickou kondici. | tanečníci | tanečnice | dancer | choreografie
Knihař | Bookbinder | Knihař váže knihy, vyrábí desky a obaly a restauruje staré knižní vazby. | knihaři | knihařka | bookbinder | knižní vazby
Tiskař | Printer; Operátor tiskového stroje | Tiskař obsluhuje ofsetové a digitální tiskové stroje a kontroluje kvalitu tisku. | tiskaři | tiskařka | printer | ofsetový tisk
Švadlena | Šička; Seamstress | Švadlena šije oděvy podle střihů a upravuje a opravuje hotové oděvy. | švadleny | - | seamstress | šití oděvů podle střihů
Krejčí | Tailor; Dámský krejčí | Krejčí navrhuje, šije a upravuje oděvy na míru podle požadavků zákazníků. | krejčího | krejčová | tailor | oděvy na míru
Obuvník | Shoemaker; Švec | Obuvník vyrábí a opravuje obuv a vyměňuje podpatky a podrážky. | obuvníci | obuvnice | shoemaker | oprava obuvi
Hodinář | Watchmaker | Hodinář opravuje a seřizuje hodinky a hodiny a vyměňuje baterie a strojky. | hodináři | hodinářka | watchmaker | oprava hodinek
Zlatník | Goldsmith; Klenotník | Zlatník vyrábí a opravuje šperky z drahých kovů a osazuje drahé kameny. | zlatníci | zlatnice | goldsmith | šperky z drahých kovů
Optik | Optician; Oční optik | Optik zhotovuje a upravuje brýle podle předpisu a pomáhá s výběrem obrub a kontaktních čoček. | optici | optička | optician | brýlové obruby
Zubní technik | Dental Technician | Zubní technik zhotovuje zubní náhrady, korunky a můstky podle otisků od zubního lékaře. | zubní technici | zubní technička | dental technician | zubní náhrady
Radiologický asistent | Radiographer; Radiologický laborant | Radiologický asistent provádí rentgenová a CT vyšetření a obsluhuje zobrazovací techniku. | radiologičtí asistenti | radiologická asistentka | radiographer | rentgenová vyšetření
Zdravotní laborant | Laboratory Technician; Laborant | Zdravotní laborant provádí laboratorní vyšetření krve, moči a dalších biologických materiálů. | zdravotní laboranti | zdravotní laborantka | laboratory technician | vyšetření krve
Nutriční terapeut | Dietolog; Dietitian; Nutriční specialista | Nutriční terapeut sestavuje jídelníčky a diety pro pacienty a poskytuje nutriční poradenství. | nutričního terapeuta | nutriční terapeutka | dietitian | jídelníčky a diety
Optometrista | Optometrist | Optometrista vyšetřuje zrak, měří dioptrie a předepisuje brýle a kontaktní čočky. | optometristé | optometristka | optometrist | dioptrie
Logoped | Speech Therapist; Klinický logoped | Logoped diagnostikuje a léčí poruchy řeči, hlasu a komunikace u dětí i dospělých. | logopedi | logopedka | speech therapist | poruchy řeči
Ergoterapeut | Occupational Therapist | Ergoterapeut pomáhá lidem s postižením obnovit soběstačnost v denních činnostech. | ergoterapeuti | ergoterapeutka | occupational therapist | soběstačnost
Chůva | Nanny; Pečovatelka o děti; Au pair | Chůva pečuje o děti v rodině, hlídá je, připravuje jim jídlo a věnuje se jim při hrách. | chůvy | - | nanny | hlídání dětí
Speciální pedagog | Special Education Teacher; Speciální pedagog pro děti s postižením | Speciální pedagog vzdělává a rehabilituje žáky se zdravotním postižením a radí učitelům. | speciálních pedagogů | speciální pedagožka | special education teacher | žáci se zdravotním postižením
Vysokoškolský učitel | Univerzitní pedagog; University Lecturer; Docent | Vysokoškolský učitel přednáší studentům, vede semináře a diplomové práce a věnuje se vědecké práci. | vysokoškolští učitelé | vysokoškolská učitelka | university lecturer | diplomové práce
Lektor jazyků | Language Teacher; Lektor angličtiny | Lektor jazyků vyučuje cizí jazyk dospělé a děti v jazykové škole nebo ve firmách. | lektoři jazyků | lektorka jazyků | language teacher | jazyková škola
Trenér | Sportovní trenér; Coach; Fitness trenér | Trenér vede sportovní tréninky, sestavuje tréninkové plány a připravuje sportovce na závody. | trenéři | trenérka | coach | tréninkové plány
Plavčík | Lifeguard | Plavčík dohlíží na bezpečnost návštěvníků bazénu nebo koupaliště a poskytuje první pomoc. | plavčíci | plavčice | lifeguard | bazén a koupaliště
Vědecký pracovník | Researcher; Výzkumný pracovník; Scientist | Vědecký pracovník provádí výzkum, navrhuje experimenty, vyhodnocuje data a publikuje vědecké články. | vědečtí pracovníci | vědecká pracovnice | researcher | vědecké články
Chemik | Chemist | Chemik provádí chemické analýzy, vyvíjí nové látky a kontroluje kvalitu surovin a výrobků v laboratoři. | chemici | chemička | chemist | chemické analýzy
Ekonom | Economist; Ekonomický analytik | Ekonom analyzuje ekonomické ukazatele a zpracovává rozpočty a finanční plány organizace. | ekonomové | ekonomka | economist | ekonomické ukazatele
Controller | Financial Controller; Finanční kontrolor | Controller sleduje náklady a výnosy, připravuje manažerské reporty a plánuje rozpočet. | controllera | controllerka | financial controller | manažerské reporty
Projektový manažer | Project Manager; Vedoucí projektu | Projektový manažer plánuje, řídí a vyhodnocuje projekty, koordinuje projektový tým a hlídá rozpočet a termíny. | projektoví manažeři | projektová manažerka | project manager | rozpočet a termíny projektu
Ředitel zákaznických služeb | Customer Service Director; Vedoucí zákaznického servisu | Ředitel zákaznických služeb řídí útvar péče o zákazníky, stanovuje standardy kvality služeb a vyhodnocuje spokojenost zákazníků. | ředitele zákaznických služeb | ředitelka zákaznických služeb | customer service director | spokojenost zákazníků
Ředitel školy | School Principal; Ředitel základní školy | Ředitel školy řídí školu, odpovídá za kvalitu výuky a za personální a ekonomické záležitosti a jedná se zřizovatelem. | ředitelé škol | ředitelka školy | school principal | zřizovatel školy
Starosta | Mayor; Starosta obce | Starosta zastupuje obec navenek, řídí obecní úřad a realizuje rozhodnutí zastupitelstva. | starostové | starostka | mayor | obecní úřad
Manažer kvality | Quality Manager; Vedoucí řízení kvality | Manažer kvality zavádí a udržuje systém řízení kvality podle norem ISO a provádí interní audity. | manažeři kvality | manažerka kvality | quality manager | interní audity podle norem ISO
Mechanik zemědělských strojů | Opravář zemědělských strojů; Agricultural Machinery Mechanic | Mechanik zemědělských strojů opravuje a seřizuje traktory, kombajny a další zemědělskou techniku. | mechanici zemědělských strojů | mechanička zemědělských strojů | opravář zemědělských strojů | traktory a kombajny
Servisní technik | Service Technician; Technik servisu | Servisní technik instaluje, udržuje a opravuje technická zařízení u zákazníků a diagnostikuje poruchy. | servisní technici | servisní technička | service technician | zařízení u zákazníků
Revizní technik elektrických zařízení | Revizní technik; Electrical Inspector | Revizní technik elektrických zařízení provádí revize elektroinstalací a elektrických spotřebičů a vystavuje revizní zprávy. | revizního technika elektrických zařízení | revizní technička elektrických zařízení | electrical inspector | revizní zprávy
Energetik | Energy Manager; Energetický specialista | Energetik sleduje spotřebu energií v podniku, navrhuje úsporná opatření a řídí provoz energetických zařízení. | energetici | energetička | energy manager | spotřeba energií
Technolog výroby | Process Engineer; Výrobní technolog | Technolog výroby navrhuje a optimalizuje technologické postupy výroby a stanovuje normy spotřeby materiálu. | technologové výroby | technoložka výroby | process engineer | normy spotřeby materiálu
Konstruktér | Design Engineer; Strojní konstruktér | Konstruktér navrhuje strojní součásti a zařízení v CAD systémech a zpracovává výkresovou dokumentaci. | konstruktéři | konstruktérka | design engineer | výkresová dokumentace v CAD
Kontrolor kvality | Quality Inspector; Kontrolor výroby | Kontrolor kvality kontroluje výrobky, měří rozměry a porovnává je s technickou specifikací. | kontroloři kvality | kontrolorka kvality | quality inspector | rozměry výrobků
Chemický laborant | Lab Technician; Laborant chemické laboratoře | Chemický laborant odebírá vzorky a provádí chemické rozbory v laboratoři podle předepsaných metod. | chemičtí laboranti | chemická laborantka | lab technician | chemické rozbory
Slévač | Foundry Worker; Slévač kovů | Slévač vyrábí odlitky litím roztaveného kovu do forem a připravuje formovací směsi. | slévači | slévačka | foundry worker | odlitky
Kovář | Blacksmith; Umělecký kovář | Kovář zpracovává kov kováním za tepla a vyrábí mříže, brány a umělecké kovářské výrobky. | kováři | kovářka | blacksmith | kování za tepla
Nástrojář | Toolmaker | Nástrojář vyrábí a opravuje nástroje, přípravky a lisovací a vstřikovací formy. | nástrojáři | nástrojářka | toolmaker | vstřikovací formy
Seřizovač | Machine Setter; Seřizovač CNC strojů | Seřizovač seřizuje výrobní stroje a linky, mění nástroje a odstraňuje drobné poruchy. | seřizovači | seřizovačka | machine setter | výrobní stroje a linky
Mechatronik | Mechatronics Technician | Mechatronik instaluje a opravuje mechatronické systémy spojující mechaniku, elektroniku a řídicí software. | mechatronici | mechatronička | mechatronics technician | mechatronické systémy
Elektrotechnik | Electrical Engineer; Elektrotechnik silnoproudu | Elektrotechnik navrhuje a řídí montáž elektrických rozvodů a zařízení silnoproudé techniky. | elektrotechnici | elektrotechnička | electrical engineer | silnoproudá technika
Mlynář | Miller | Mlynář obsluhuje mlýnská zařízení a vyrábí mouku a krupici z obilí. | mlynáři | mlynářka | miller | mouka z obilí
Sládek | Brewer; Pivovarník | Sládek řídí výrobu piva, připravuje várky a kontroluje kvašení a zrání piva. | sládci | - | brewer | výroba piva
Sýrař | Cheesemaker; Mlékař | Sýrař vyrábí sýry a mléčné výrobky, řídí zrání sýrů a kontroluje jejich kvalitu. | sýraři | sýrařka | cheesemaker | mléčné výrobky
Rybář | Fisherman; Rybníkář | Rybář chová ryby v rybnících, provádí výlovy a ošetřuje rybí obsádky. | rybáři | rybářka | fisherman | výlov rybníků
Myslivec | Gamekeeper; Lovec | Myslivec pečuje o zvěř a honitbu, přikrmuje zvěř a provádí odstřel. | myslivci | myslivkyně | gamekeeper | péče o zvěř
Včelař | Beekeeper | Včelař chová včelstva, ošetřuje úly a získává med a další včelí produkty. | včelaři | včelařka | beekeeper | úly a med
Kynolog | Dog Handler; Psovod; Cvičitel psů | Kynolog cvičí služební a sportovní psy a připravuje je ke zkouškám. | kynologové | kynoložka | dog handler | služební psi
Ošetřovatel zvířat v zoo | Zookeeper; Chovatel v zoologické zahradě | Ošetřovatel zvířat v zoo krmí zvířata, čistí výběhy a sleduje zdravotní stav zvířat. | ošetřovatelé zvířat v zoo | ošetřovatelka zvířat v zoo | zookeeper | čištění výběhů
Prodavač potravin | Prodavač v potravinách; Grocery Sales Assistant | Prodavač potravin prodává potraviny, obsluhuje pultový prodej uzenin a sýrů a doplňuje zboží. | prodavači potravin | prodavačka potravin | grocery sales assistant | pultový prodej uzenin
Vedoucí prodejny | Store Manager; Vedoucí obchodu | Vedoucí prodejny řídí chod prodejny, plánuje směny prodavačů, objednává zboží a odpovídá za tržby. | vedoucího prodejny | vedoucí prodejny | store manager | směny prodavačů
Merchandiser | Doplňovač zboží | Merchandiser doplňuje a vystavuje zboží v regálech obchodů podle planogramu a kontroluje ceny. | merchandisera | merchandiserka | doplňovač zboží | planogram
Čalouník | Upholsterer | Čalouník čalouní sedací nábytek, potahuje ho látkou nebo kůží a opravuje staré čalounění. | čalouníci | čalounice | upholsterer | sedací nábytek
Copywriter | Textař reklamy | Copywriter píše reklamní texty, slogany a obsah pro weby a sociální sítě. | copywritera | copywriterka | textař reklamy | reklamní texty a slogany
Správce sociálních sítí | Social Media Manager | Správce sociálních sítí vytváří obsah pro sociální sítě, odpovídá na komentáře a vyhodnocuje dosah příspěvků. | správci sociálních sítí | správkyně sociálních sítí | social media manager | dosah příspěvků
Bezpečnostní technik | Safety Officer; Technik BOZP | Bezpečnostní technik dohlíží na dodržování předpisů bezpečnosti a ochrany zdraví při práci, školí zaměstnance a vyšetřuje pracovní úrazy. | bezpečnostní technici | bezpečnostní technička | technik bozp | pracovní úrazy
Soukromý detektiv | Private Investigator; Detektiv | Soukromý detektiv zjišťuje informace pro klienty, sleduje osoby a dokumentuje důkazy. | soukromí detektivové | soukromá detektivka | private investigator | sledování osob
Pracovník pohřební služby | Funeral Director; Pohřebník | Pracovník pohřební služby zajišťuje převoz zesnulých, přípravu pohřbu a smuteční obřady. | pracovníci pohřební služby | pracovnice pohřební služby | pohřebník | smuteční obřady
Farář | Kněz; Priest | Farář vykonává bohoslužby, udílí svátosti a pečuje o farníky ve farnosti. | faráři | farářka | priest | bohoslužby
Vlakový průvodčí | Train Conductor; Vlakvedoucí | Vlakový průvodčí kontroluje jízdenky cestujících, prodává jízdenky ve vlaku a dbá na bezpečnost cestujících. | vlakového průvodčího | vlaková průvodčí | train conductor | kontrola jízdenek ve vlaku
Výpravčí | Train Dispatcher; Železniční výpravčí | Výpravčí řídí vlakovou dopravu ve stanici, staví vlakové cesty a vypravuje vlaky. | výpravčího | výpravčí | train dispatcher | vlakové cesty
Řidič tramvaje | Tram Driver; Tramvaják | Řidič tramvaje řídí tramvaj v městské hromadné dopravě a dbá na bezpečnost cestujících. | řidiči tramvají | řidička tramvaje | tram driver | městská hromadná doprava
Letecký mechanik | Aircraft Mechanic; Mechanik letadel | Letecký mechanik provádí údržbu a opravy letadel a kontroluje motory a draky letadel. | leteckého mechanika | letecká mechanička | aircraft mechanic | údržba letadel
Řídící letového provozu | Air Traffic Controller; Dispečer letového provozu | Řídící letového provozu řídí pohyb letadel ve vzdušném prostoru a na letišti. | řídícího letového provozu | řídící letového provozu | air traffic controller | vzdušný prostor
Pneumechanik | Pneuservisman; Tyre Fitter | Pneumechanik přezouvá a vyvažuje pneumatiky, opravuje defekty a uskladňuje kola. | pneumechanici | pneumechanička | tyre fitter | pneumatiky
Údržbář | Maintenance Worker; Údržbář budov; Domovník | Údržbář provádí drobné opravy a údržbu budov, zařízení a technických rozvodů. | údržbáři | údržbářka | maintenance worker | drobné opravy budov
Správce budov | Facility Manager; Správce nemovitostí | Správce budov zajišťuje provoz a údržbu budov, řídí dodavatele služeb a kontroluje spotřebu energií. | správci budov | správkyně budov | facility manager | provoz budov
Vrátný | Doorman; Portýr | Vrátný kontroluje vstup osob do objektu, vydává klíče a eviduje návštěvy. | vrátného | vrátná | doorman | evidence návštěv
Myč nádobí | Dishwasher; Pomocník při mytí nádobí | Myč nádobí myje nádobí a kuchyňské náčiní a udržuje čistotu v kuchyni. | myči nádobí | myčka nádobí | dishwasher | kuchyňské náčiní
Popelář | Refuse Collector; Pracovník svozu odpadu | Popelář sváží komunální odpad a vyprazdňuje popelnice do svozového vozu. | popeláři | popelářka | refuse collector | komunální odpad
Pracovník čistírny odpadních vod | Wastewater Treatment Operator; Operátor ČOV | Pracovník čistírny odpadních vod obsluhuje technologické zařízení čistírny a odebírá vzorky vody. | pracovníci čistírny odpadních vod | pracovnice čistírny odpadních vod | operátor čov | vzorky vody
Kameník | Stonemason | Kameník opracovává kámen a vyrábí pomníky, schody a obklady z přírodního kamene. | kameníci | kamenice | stonemason | přírodní kámen
Sklář | Glassmaker; Foukač skla | Sklář vyrábí skleněné výrobky foukáním, lisováním nebo tvarováním skloviny. | skláři | sklářka | glassmaker | sklovina
Keramik | Potter; Hrnčíř | Keramik vyrábí keramické nádobí a dekorativní předměty z hlíny, glazuje je a vypaluje. | keramici | keramička | potter | keramické nádobí
Restaurátor | Conservator; Restaurátor uměleckých děl | Restaurátor obnovuje a konzervuje umělecká díla, obrazy, sochy a historické předměty. | restaurátoři | restaurátorka | conservator | obrazy a sochy
Kurátor sbírek | Curator; Správce sbírek | Kurátor sbírek spravuje muzejní sbírky, připravuje výstavy a zkoumá sbírkové předměty. | kurátoři sbírek | kurátorka sbírek | curator | muzejní sbírky
Animátor | Volnočasový animátor; Entertainer | Animátor připravuje zábavný program pro hosty hotelů a dětských táborů. | animátoři | animátorka | entertainer | zábavný program
Geolog | Geologist; Hydrogeolog | Geolog zkoumá horninové prostředí, provádí geologický průzkum a hodnotí ložiska nerostných surovin. | geologové | geoložka | geologist | geologický průzkum
Horník | Miner; Důlní dělník; Havíř | Horník těží uhlí a nerosty v dole, vyztužuje důlní díla a obsluhuje těžební stroje. | horníci | - | miner | těžba uhlí
Meteorolog | Meteorologist; Předpovědník počasí | Meteorolog sleduje a vyhodnocuje meteorologická data a zpracovává předpovědi počasí. | meteorologové | meteoroložka | meteorologist | předpověď počasí
Statistik | Statistician | Statistik navrhuje statistická šetření a zpracovává a analyzuje statistická data. | statistici | statistička | statistician | statistická šetření
Pojistný matematik | Aktuár; Actuary | Pojistný matematik počítá pojistná rizika a sazby a navrhuje pojistné produkty. | pojistní matematici | pojistná matematička | actuary | pojistná rizika a sazby
Úvěrový analytik | Credit Analyst; Analytik úvěrů | Úvěrový analytik posuzuje bonitu žadatelů o úvěr a navrhuje schválení úvěrů. | úvěroví analytici | úvěrová analytička | credit analyst | bonita žadatelů
Finanční poradce | Financial Advisor; Finanční plánovač | Finanční poradce radí klientům s investicemi, spořením, pojištěním a hypotékami. | finančních poradců | finanční poradkyně | financial advisor | investice a hypotéky
Hypoteční specialista | Mortgage Specialist; Hypoteční poradce | Hypoteční specialista sjednává hypoteční úvěry a radí klientům s financováním bydlení. | hypoteční specialisté | hypoteční specialistka | mortgage specialist | financování bydlení
Insolvenční správce | Insolvency Administrator | Insolvenční správce spravuje majetek dlužníka v insolvenčním řízení a uspokojuje věřitele. | insolvenčního správce | insolvenční správkyně | insolvency administrator | majetek dlužníka
Ředitel hotelu | Hotel Manager; Hoteliér | Ředitel hotelu řídí provoz hotelu, obchodní strategii, rozpočet a personál. | ředitelé hotelů | ředitelka hotelu | hotel manager | provoz hotelu
Pizzař | Pizza Chef | Pizzař připravuje těsto a peče pizzu v peci. | pizzaři | pizzařka | pizza chef | pizza v peci
Topenář | Heating Engineer; Montér ústředního topení | Topenář montuje a opravuje rozvody ústředního topení, kotle a radiátory. | topenáři | topenářka | heating engineer | kotle a radiátory
Plynař | Gas Fitter; Montér plynových zařízení | Plynař montuje a reviduje plynová zařízení a rozvody plynu. | plynaři | plynařka | gas fitter | rozvody plynu
Technik chlazení a klimatizace | Refrigeration Technician; Klimatizační technik | Technik chlazení a klimatizace instaluje a servisuje chladicí a klimatizační zařízení a tepelná čerpadla. | technici chlazení a klimatizace | technička chlazení a klimatizace | refrigeration technician | tepelná čerpadla
Montér výtahů | Lift Technician; Servisní technik výtahů | Montér výtahů montuje, opravuje a pravidelně kontroluje výtahy a eskalátory. | montéři výtahů | montérka výtahů | lift technician | výtahy a eskalátory
Lešenář | Scaffolder | Lešenář staví a demontuje lešení na stavbách. | lešenáři | lešenářka | scaffolder | lešení
Železář a betonář | Concrete Worker; Betonář | Železář a betonář vyrábí výztuže a betonuje stavební konstrukce. | železáři a betonáři | železářka a betonářka | concrete worker | výztuže
Dlaždič | Paver | Dlaždič pokládá zámkovou dlažbu, obrubníky a chodníky. | dlaždiči | dlaždička | paver | zámková dlažba
Strojník stavebních strojů | Construction Machinery Operator; Bagrista | Strojník stavebních strojů obsluhuje bagry, nakladače a další stavební stroje při zemních pracích. | strojníci stavebních strojů | - | bagrista | zemní práce
Brusič | Grinder; Brusič kovů | Brusič brousí kovové součásti na bruskách na předepsanou přesnost. | brusiči | brusička | grinder | brusky
Galvanizér | Electroplater | Galvanizér provádí galvanické pokovování kovových výrobků. | galvanizéři | galvanizérka | electroplater | galvanické pokovování
Vývojář mobilních aplikací | Mobile Developer; Programátor mobilních aplikací | Vývojář mobilních aplikací programuje aplikace pro Android a iOS. | vývojáři mobilních aplikací | vývojářka mobilních aplikací | mobile developer | aplikace pro android
Specialista kybernetické ochrany | Cyber Security Specialist; Bezpečnostní analytik | Specialista kybernetické ochrany chrání informační systémy před útoky, analyzuje incidenty a nastavuje bezpečnostní politiky. | specialisté kybernetické ochrany | specialistka kybernetické ochrany | cyber security specialist | bezpečnostní incidenty
Správce databáze | Database Administrator; DBA | Správce databáze spravuje databázové systémy, optimalizuje jejich výkon a zajišťuje zálohy. | správci databází | správkyně databáze | database administrator | databázové systémy
Poštovní úředník | Přepážkový pracovník pošty; Postal Clerk | Poštovní úředník obsluhuje klienty u přepážky, přijímá a vydává zásilky a vyplácí peníze. | poštovní úředníci | poštovní úřednice | postal clerk | obsluha u přepážky
"""

KINDS = ("title", "nodia", "infl", "fem", "alt", "desc", "typo")


def entries():
    out = []
    for line in DATA.strip().splitlines():
        parts = [p.strip() for p in line.split("|")]
        assert len(parts) == 7, line
        title, alts, desc, infl, fem, alt, dq = parts
        out.append(
            {
                "title": title,
                "alternative_names": [a.strip() for a in alts.split(";") if a.strip()],
                "description": desc,
                "q": {"infl": infl, "fem": None if fem == "-" else fem, "alt": alt, "desc": dq},
            }
        )
    return out


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def typo(text, rng, kind):
    """One edit in one word of >= 5 letters of the folded `text`."""
    ws = fold(text).split()
    idx = [i for i, w in enumerate(ws) if len(w) >= 5 and w.isalpha()]
    if not idx:
        return None
    i = rng.choice(idx)
    w = ws[i]
    p = rng.randrange(1, len(w) - 1) if len(w) > 2 else 0  # not the first letter
    if kind == "delete":
        w = w[:p] + w[p + 1 :]
    elif kind == "insert":
        w = w[:p] + rng.choice(_LETTERS) + w[p:]
    elif kind == "substitute":
        w = w[:p] + rng.choice([c for c in _LETTERS if c != w[p]]) + w[p + 1 :]
    elif kind == "transpose":
        if w[p] == w[p + 1] if p + 1 < len(w) else True:
            p = max(1, p - 1)
        w = w[:p] + w[p + 1] + w[p] + w[p + 2 :]
    ws[i] = w
    return " ".join(ws)


def queries(seed=7):
    rng = random.Random(seed)
    out = []
    edits = ("delete", "insert", "substitute", "transpose")
    for n, e in enumerate(entries()):
        t = e["title"]
        out.append(("title", t, t))
        out.append(("nodia", fold(t), t))
        for k in ("infl", "fem", "alt", "desc"):
            if e["q"][k]:
                out.append((k, e["q"][k], t))
        ty = typo(t, rng, edits[n % 4])
        if ty and ty != fold(t):
            out.append(("typo", ty, t))
    return out
