import type { ApplicationTexts } from './demo-texts.ts';

/**
 * Application texts of the insatser that are closed, about to start or still applications.
 * Paraphrased from seeds 002 and 003; aggregated figures only.
 */
export const OTHER_TEXTS: Readonly<Record<'MITTVAL' | 'SAMUTB' | 'SAMSYN' | 'SAMSJUK' | 'STEGTIN', ApplicationTexts>> =
  {
    MITTVAL: {
      purpose:
        'Mitt Val är en motiverande gruppaktivitet som ska ge långtidssjukskrivna och långtidsarbetslösa bättre förutsättningar att lyckas i en övergång till arbetsmarknaden.',
      background:
        'Försäkringskassan och Arbetsförmedlingen möter personer som varit länge i sjukförsäkringen eller arbetslöshetsförsäkringen och som behöver stöd i att formulera egna mål innan andra insatser kan ge resultat. Metoden har prövats i Växjö sedan 2016.',
      goals:
        'Fem grupper med 6–8 deltagare i varje, totalt 30–40 deltagare. Metoden ska vara implementerad hos båda parterna när insatsen avslutas 30 juni 2025, med syftet att förkorta tiden i sjukförsäkringen och arbetslöshetsförsäkringen.',
      targetGroup:
        'Kvinnor och män 20–64 år i Växjö kommun som är långtidssjukskrivna eller långtidsarbetslösa och har kontakt med både Försäkringskassan och Arbetsförmedlingen.',
      methods:
        'Gruppträffar två gånger i veckan under tio veckor med motiverande samtal och arbete med egna mål. Deltagarnas upplevda förändring följs med Livshjulet vid start och avslut; resultaten redovisas på gruppnivå.',
      staffing: '0,5 projektledare från Försäkringskassan och 0,5 arbetsförmedlare, båda i ordinarie anställning.',
      anchoring:
        'Ägs gemensamt av Försäkringskassan och Arbetsförmedlingen och är förankrad i båda myndigheternas lokala ledning.',
      implementationPlan:
        'Gruppmetoden fördes in i Försäkringskassans och Arbetsförmedlingens ordinarie utbud från 1 juli 2025. Slutrapport och metodhandbok är inlämnade.',
    },
    SAMUTB: {
      purpose:
        'Samverkansutbildningen ska ge medarbetare hos parterna mer kunskap om varandras uppdrag, så att människor inom rehabiliteringsområdet får rätt insats i rätt tid.',
      background:
        'En pilotgrupp med 28 medarbetare genomgick två heldagars utbildning vintern 2018–2019 och utvärderingen var mycket positiv. Utbildningen har sedan getts återkommande. Parterna har efterfrågat fler platser och ett tillfälle med fördjupning om SIP.',
      goals:
        'Fyra utbildningsomgångar under 2027 med totalt 112 medarbetare, två heldagar per omgång. Varje omgång utvärderas med NNS indikatorer och egna frågor; målet är minst 4 på en femgradig skala för upplevd nytta.',
      targetGroup:
        'Handläggare, koordinatorer och chefer hos Försäkringskassan, Arbetsförmedlingen, Region Kronoberg och de fyra kommunerna.',
      methods:
        'Två heldagar med föreläsningar från varje part, fallövningar i blandade grupper och studiebesök. Deltagarna möter kollegor från andra verksamheter och byter erfarenheter.',
      staffing:
        'Region Kronoberg samordnar utbildningen; varje part bidrar med en föreläsare i ordinarie tjänst. Förbundets processledare medverkar i planeringen.',
      anchoring: 'Alla parter ingår och anmäler deltagare. Förankrad i beredningsgruppen.',
      implementationPlan:
        'Efter utvärderingen 2027 tar parterna ställning till om utbildningen ska ingå i introduktionen av nyanställda hos varje part.',
    },
    SAMSYN: {
      purpose:
        'Samsyn och samhandling ska göra samordnad individuell plan (SIP) till ett gemensamt arbetssätt hos alla parter i Värend, särskilt hos Försäkringskassan och Arbetsförmedlingen där arbetssättet är nytt.',
      background:
        'Den lokala överenskommelsen om SamSIP har utbildats och prövats sedan 2017. Uppföljningen visar att SIP fortfarande används mest inom kommunernas socialtjänst och regionens psykiatri, och att övergången från skola till arbetsliv och personer som inte är aktuella för utredning faller mellan parternas ansvar.',
      goals:
        'Antalet SIP där Försäkringskassan eller Arbetsförmedlingen deltar ska fördubblas till 2028 jämfört med 2026. Alla parter har en rutin för avvikelsehantering. NNS indikatorer visar förbättrad samverkan i två mätningar. Kostnad högst 850 000 kr.',
      targetGroup:
        'Medarbetare och chefer hos alla parter som deltar i SIP; indirekt personer 16–64 år som behöver samordnade insatser från minst två parter.',
      methods:
        'Processledning enligt tjänstedesign med en referensgrupp där personer med egen erfarenhet ingår, utbildning på arbetsplatsträffar, gemensam avvikelsehantering och fördjupning inom två områden: övergång från skola till arbetsliv och arbetssätt för personer som inte är aktuella för utredning.',
      staffing:
        '0,5 processledare från förbundets kansli. Utvecklingsgrupp med en representant per part som också är styrgrupp.',
      anchoring:
        'Alla parter ingår. Förankrad i beredningsgruppen och i länets ledningsgrupp för hälso- och sjukvård och socialtjänst.',
      implementationPlan:
        'Rutiner och utbildningsmaterial överlämnas till parternas ordinarie verksamhet under hösten 2028; förbundet följer upp användningen 2029.',
    },
    SAMSJUK: {
      purpose:
        'Insatsen ska erbjuda en lågtröskelverksamhet med sysselsättning för personer med samsjuklighet, missbruk och psykisk ohälsa, som ett första steg mot egen försörjning.',
      background:
        'Förstudien Samsjuklighet och sysselsättning identifierade glapp mellan myndigheterna för personer med samsjuklighet: ingen part erbjuder sysselsättning innan personen bedöms kunna delta i arbetsinriktade insatser. Förstudien föreslog en ny samverkansarena och en lågtröskelverksamhet som fyller ett av glappen.',
      goals:
        'Insatsmål: 45 deltagare under perioden. 60 % av dem som deltar i minst tre månader går vidare till en arbetsinriktad insats hos Arbetsförmedlingen eller kommunen. Redovisning på gruppnivå uppdelat på kvinnor och män.',
      targetGroup:
        'Personer 18–64 år i Växjö kommun med samsjuklighet som har kontakt med kommunens beroendevård och regionens psykiatri och som står långt från arbetsmarknaden. Uppskattningsvis 15–20 nya deltagare per år.',
      methods:
        'Öppen verksamhet tre dagar i veckan med praktiska sysslor, stöd av arbetsterapeut och gemensam planering med deltagarens kontakter hos parterna. Deltagandet är frivilligt och utan krav på förkunskaper.',
      staffing: '1,0 handledare från Växjö kommun och 0,5 arbetsterapeut från Region Kronoberg.',
      anchoring:
        'Förankrad hos Växjö kommuns arbetsmarknads- och socialförvaltningar, Arbetsförmedlingen och Region Kronobergs beroendecentrum. Beredningsgruppen har begärt en tydligare implementeringsplan.',
      implementationPlan:
        'Kompletteras: beredningsgruppen har bett sökande beskriva hur verksamheten kan finansieras efter 31 mars 2029 och vem som beslutar om det.',
    },
    STEGTIN: {
      purpose:
        'Steg för steg ska ge långtidsarbetslösa i Tingsryds kommun med nedsatt arbetsförmåga ett samordnat stöd med arbetsträning nära hemorten.',
      background:
        'I Tingsryd finns få arbetsträningsplatser och långa resor till insatser i Växjö. Kommunen, Arbetsförmedlingen och Försäkringskassan ser att samma personer återkommer mellan parterna utan att komma vidare.',
      goals:
        'Insatsmål: 24 deltagare under perioden. 30 % av kvinnorna och 30 % av männen går vidare till arbete, studier eller en ordinarie arbetsinriktad insats. Kostnad högst 525 000 kr.',
      targetGroup:
        'Personer 20–64 år i Tingsryds kommun med försörjningsstöd eller sjukpenning och behov av stöd från minst två parter. Uppskattningsvis 12 deltagare per år.',
      methods:
        'Kartläggning, arbetsträning hos lokala arbetsgivare och i kommunal verksamhet, samt trepartsmöten varannan månad.',
      staffing: '1,0 arbetsmarknadssekreterare anställd av Tingsryds kommun.',
      anchoring:
        'Undertecknad av Tingsryds kommun, Arbetsförmedlingen och Försäkringskassan. Ännu inte behandlad i beredningsgruppen.',
      implementationPlan:
        'Tingsryds kommun avser att pröva fortsatt finansiering inom ordinarie budget från hösten 2028.',
    },
  };
