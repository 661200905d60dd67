import type { ApplicationTexts } from './demo-texts.ts';

/**
 * Application texts of the running insatser, written like a real ansökan under the Stockholm
 * guide's headings (seed 003), paraphrasing seeds 002 and 004. Aggregated figures only: no
 * participant data, no personal identity numbers.
 */
export const RUNNING_TEXTS: Readonly<Record<'NOVA' | 'ENTER' | 'FIA' | 'HFE' | 'INSKAT', ApplicationTexts>> = {
  NOVA: {
    purpose:
      'NOVA ska ge unga vuxna som varken arbetar eller studerar, och som behöver stöd från flera myndigheter samtidigt, ett samlat stöd på ett ställe så att de kan närma sig arbete eller studier.',
    background:
      'Under 2023 diskuterade beredningsgruppen och styrgrupperna vid flera tillfällen insatsernas uppdrag, bemanning och tillgänglighet. Behovsanalysen och genomlysningen av NOVA, Enter och FIA 2024 visade att unga vuxna med psykisk ohälsa ofta har kontakt med tre eller fler aktörer utan en gemensam planering. Efter genomlysningen beslutade styrelsen i november 2024 om en ny period, där arbetssättet anpassas till det nyläge som togs fram vintern 2024–2025. Utan insatsen riskerar fler unga att bli långvarigt beroende av försörjningsstöd; med den kan parterna pröva ett gemensamt arbetssätt som sedan kan bli ordinarie verksamhet.',
    goals:
      'Insatsmål: 90 deltagare under perioden, ungefär lika många kvinnor och män. 35 % av kvinnorna och 35 % av männen går vidare till arbete, studier eller Arbetsförmedlingens insatser vid avslut. 70 % upplever ökad egenmakt, mätt med NNS indikatorer. Kostnad högst 2 460 000 kr. Insatsen avslutas 31 december 2027.\nNyttomål: 40 % av deltagarna är i arbete eller studier 12 månader efter avslut.',
    targetGroup:
      'Unga vuxna 18–29 år i Växjö kommun som är arbetslösa eller har aktivitetsersättning och som behöver samordnat stöd från minst två av parterna. Många har psykisk ohälsa eller en neuropsykiatrisk funktionsnedsättning och saknar fullständiga gymnasiebetyg. Uppskattningsvis 30 nya deltagare per år.',
    methods:
      'Ett samlokaliserat team gör en gemensam kartläggning och planering med deltagaren, vid behov i form av en SIP. Motiverande samtal, arbetsträning hos arbetsgivare och stegvis övergång till Arbetsförmedlingens eller kommunens ordinarie insatser. Myndighetsbeslut fattas alltid av respektive part i ordinarie verksamhet.',
    staffing:
      '1,0 arbetskonsulent och 0,5 coach från Växjö kommun, 0,5 arbetsterapeut från Region Kronoberg. Arbetsförmedlingen och Försäkringskassan deltar med handläggare inom ordinarie tjänst. Styrgrupp: enhetschefer från de fyra parterna med projektägaren som ordförande; projektledaren är föredragande.',
    anchoring:
      'Ansökan är undertecknad av Växjö kommun, Arbetsförmedlingen, Region Kronoberg och Försäkringskassan och förankrad i beredningsgruppen. Parterna avsätter tid för styrgrupp och handläggare.',
    implementationPlan:
      'Styrgruppen prövar under 2027 om arbetssättet kan föras in i arbetsmarknadsenhetens ordinarie verksamhet. Förslag till beslut om implementering lämnas till Växjö kommuns arbetsmarknadsnämnd senast i september 2027.',
  },
  ENTER: {
    purpose:
      'Enter ska ge personer med psykisk ohälsa som står långt från arbetsmarknaden arbetslivsinriktad rehabilitering parallellt med vård, enligt metoden individuellt stöd till arbete (IPS).',
    background:
      'Vuxenpsykiatrin möter många patienter som vill arbeta men som inte får stöd mot arbete samtidigt som behandlingen pågår. Stödet från Arbetsförmedlingen och Försäkringskassan kommer ofta först när vården är avslutad. Forskning om IPS visar att stöd till arbete parallellt med vård ger fler i arbete än stegvis träning. Styrelsen beslutade 2024-05-15 att medlen för utvärdering i Enters budget 2024–2025 skulle användas till den gemensamma genomlysningen av NOVA, Enter och FIA.',
    goals:
      'Insatsmål: 75 deltagare under perioden. 40 % av kvinnorna och 40 % av männen har fått ett arbete eller börjat studera inom 18 månader. 60 % upplever att de har mer makt över sin situation. Kostnad högst 2 280 000 kr. Insatsen avslutas 31 december 2026.\nNyttomål: minskat behov av sjukpenning och försörjningsstöd i målgruppen, följt på gruppnivå.',
    targetGroup:
      'Personer 18–64 år i Växjö kommun med psykisk ohälsa som har kontakt med vuxenpsykiatrin, som vill arbeta och som har sjukpenning, aktivitetsersättning eller försörjningsstöd. Uppskattningsvis 25 nya deltagare per år.',
    methods:
      'IPS-coacher arbetar integrerat i vuxenpsykiatrins team. Snabb jobbsökning utifrån deltagarens önskemål, kontakt med arbetsgivare och fortsatt stöd på arbetsplatsen. Gemensamma avstämningar med Försäkringskassan och Arbetsförmedlingen enligt överenskomna rutiner.',
    staffing:
      '2,0 IPS-coacher anställda av Region Kronoberg, handledning av vuxenpsykiatrins psykolog. Handläggare från Försäkringskassan, Arbetsförmedlingen och Växjö kommun deltar i ordinarie tjänst.',
    anchoring:
      'Förankrad i Region Kronobergs ledningsgrupp för psykiatri, hos Försäkringskassan och Arbetsförmedlingen i länet och hos Växjö kommuns arbetsmarknadsavdelning.',
    implementationPlan:
      'Region Kronoberg tar under hösten 2026 ställning till om IPS ska bli en del av vuxenpsykiatrins ordinarie utbud från 2027. Slutrapport och metodhandbok lämnas senast 31 mars 2027.',
  },
  FIA: {
    purpose:
      'FIA, förberedande insats mot arbete, ska ge invånare i Alvesta, Tingsryd och Lessebo samma tillgång till samordnat stöd mot arbete som invånare i Växjö, genom ett team som arbetar på plats i kommunerna.',
    background:
      'Genomlysningen 2024 visade att deltagare från kranskommunerna sällan tog del av insatserna i Växjö, bland annat på grund av långa resor. Ett förslag om lokala samverkansteam togs fram av en arbetsgrupp och bearbetades i nyläget vintern 2024–2025. FIA är det lokala teamet för Alvesta, Tingsryd och Lessebo.',
    goals:
      'Insatsmål: 60 deltagare under perioden, fördelade på de tre kommunerna efter invånarantal. 30 % av kvinnorna och 30 % av männen går vidare till arbete, studier eller annan ordinarie insats. Alla som fullföljer har gjort en mätbar stegförflyttning. Kostnad högst 1 280 000 kr. Insatsen avslutas 30 juni 2027.',
    targetGroup:
      'Personer 16–64 år i Alvesta, Tingsryd och Lessebo som har försörjningsstöd, sjukpenning eller aktivitetsersättning och som behöver stöd från minst två parter. Uppskattningsvis 30 nya deltagare per år.',
    methods:
      'Teamet har fasta mottagningsdagar i varje kommun. Kartläggning, individuell plan, studie- och yrkesvägledning, arbetsträning hos lokala arbetsgivare och gemensamma trepartsmöten med handläggare från Arbetsförmedlingen och Försäkringskassan.',
    staffing:
      '1,0 arbetsmarknadskonsulent anställd av Alvesta kommun. Tingsryds och Lessebo kommuner bidrar med lokaler och kontaktpersoner. Styrgrupp med en chef från var och en av de fem parterna.',
    anchoring:
      'Förankrad i de tre kommunernas ledningsgrupper och i beredningsgruppen. Kommunerna har gemensamt utsett Alvesta kommun till projektägare.',
    implementationPlan:
      'Styrgruppen lämnar senast i februari 2027 ett förslag till de tre kommunerna om hur arbetssättet kan fortsätta inom ordinarie verksamhet efter 30 juni 2027.',
  },
  HFE: {
    purpose:
      'Hälsofrämjande etablering ska tidigare identifiera nyanlända med ohälsa eller funktionsnedsättning och ge dem ett samordnat stöd mot arbete eller studier, samt utveckla strukturer för samverkan och samsyn mellan de aktörer som möter målgruppen.',
    background:
      'Insatsen bygger vidare på det nationella ESF-projektet som Växjö kommun drev 2018–2020 med stöd av förbundet. Erfarenheterna visade att ohälsa hos nyanlända ofta upptäcks sent, när etableringstiden nästan är slut, och att koordinatorer som håller ihop insatserna gör skillnad. Förbundet finansierar nu en fortsättning som ska göra arbetssättet till en del av ordinarie verksamhet.',
    goals:
      'Insatsmål: 80 deltagare under perioden. 20 % av kvinnorna respektive männen går till arbete eller reguljära studier. Alla som fullföljer insatsen har gjort mätbara stegförflyttningar. 80 % av kvinnorna respektive männen upplever ökad egenmakt. Kostnad högst 1 337 500 kr. Insatsen avslutas 30 juni 2027.',
    targetGroup:
      'Nyanlända kvinnor och män 18–64 år i Växjö kommun med ohälsa eller funktionsnedsättning som påverkar deras möjlighet att etablera sig på arbetsmarknaden. Redovisning sker på gruppnivå, uppdelat på kvinnor och män.',
    methods:
      'Hälsoskola, supported employment, vägledning och coachning. Koordinatorer fungerar som en samordnande funktion så att insatser, professioner och myndigheter samarbetar och planeringen håller en röd tråd. Koordinatorerna använder SamSIP i sitt arbete.',
    staffing:
      '2,0 koordinatorer anställda av Växjö kommun och 0,2 hälsopedagog från Region Kronoberg. Arbetsförmedlingen och Försäkringskassan deltar med handläggare i ordinarie tjänst.',
    anchoring:
      'Alla parter ingår. Förankrad i Växjö kommuns arbetsmarknadsnämnd, hos Arbetsförmedlingen och Försäkringskassan och i Region Kronobergs primärvård.',
    implementationPlan:
      'Växjö kommun och Region Kronoberg tar under våren 2027 ställning till hur koordinatorsfunktionen och Hälsoskolan kan finansieras inom ordinarie budget från 1 juli 2027.',
  },
  INSKAT: {
    purpose:
      'Insatskatalogen ska samla parternas insatser i en digital katalog så att medarbetare hos alla parter hittar rätt insats i rätt tid för den som behöver stöd.',
    background:
      'Medarbetare hos parterna känner ofta inte till varandras insatser, vilket leder till dubbelarbete och att människor skickas runt. Förbundet anslöt sig till Insatskatalogen genom ett serviceavtal med Samordningsförbundet Centrala Östergötland och har sedan 2018 byggt upp innehållet.',
    goals:
      'Minst ett besök på en arbetsplats hos varje part per år för att marknadsföra katalogen. En enkät om upplevd användarvänlighet genomförs årligen, med målet att minst 3 av 5 i genomsnitt. Katalogen uppdateras minst varje kvartal.',
    targetGroup:
      'Medarbetare och chefer hos Försäkringskassan, Arbetsförmedlingen, Region Kronoberg och de fyra kommunerna som möter personer i behov av samordnad rehabilitering.',
    methods:
      'En katalogadministratör samlar in, granskar och publicerar parternas insatser, följer besöksstatistiken och marknadsför katalogen på arbetsplatsträffar.',
    staffing: '0,2 katalogadministratör anställd av Växjö kommun. Kontaktpersoner hos varje part.',
    anchoring: 'Alla parter ingår och har utsett kontaktpersoner för katalogens innehåll.',
    implementationPlan:
      'Parterna prövar under 2027 om katalogadministrationen kan delas mellan parterna inom ordinarie verksamhet från 2028.',
  },
};
