# De interface van Moodboard in het Nederlands. Elke tekst hier heeft zijn Engelse
# tweeling in en.ftl (een test faalt anders), met dezelfde argumenten.

## Menu's
menu-file = Bestand
menu-share = Delen
menu-edit = Bewerken
menu-add = Toevoegen
menu-arrange = Schikken
menu-session = Sessie
menu-view = Beeld
menu-help = Help

## De commandotabel (menu's, sneltoetsenvenster, tooltips)
cmd-new-board = Nieuw bord
cmd-new-board-help = Begin een nieuw, leeg bord
cmd-open = Openen…
cmd-open-help = Open een bordbestand
cmd-library = Bibliotheek…
cmd-library-help = Al je borden: open er een, of vind een idee op welk bord ook
cmd-search-library = Zoeken in alle borden…
cmd-search-library-help = Vind ideeën op elk bord in de bibliotheek, in elke vorm van hun woorden
cmd-save = Opslaan
cmd-save-help = Nu opslaan (borden slaan zichzelf ook kort na elke wijziging op)
cmd-save-as = Opslaan als…
cmd-save-as-help = Sla het bord en zijn afbeeldingen op onder een nieuwe naam
cmd-quit = Afsluiten
cmd-quit-help = Moodboard sluiten
cmd-merge-board = Een bord samenvoegen…
cmd-merge-board-help = Haal de ideeën van een andere kopie of een ander bord (of pakket) binnen; één ongedaan-maakstap
cmd-save-pack = Opslaan als pakket…
cmd-save-pack-help = Eén .moodpack-bestand met het bord en zijn afbeeldingen, om te mailen of te delen
cmd-export-html = Exporteren als webpagina (HTML)…
cmd-export-html-help = Een webpagina op zichzelf: de terugblik voor wie er niet bij was (alleen het getoonde thema als er een gekozen is)
cmd-export-markdown = Exporteren als Markdown…
cmd-export-markdown-help = Doelen en ideeën per thema, voor wiki's en chat (alleen het getoonde thema als er een gekozen is)
cmd-export-png = Exporteren als afbeelding (PNG)…
cmd-export-png-help = Het bord als afbeelding (alleen het getoonde thema als er een gekozen is)
cmd-export-pdf = Exporteren als PDF…
cmd-export-pdf-help = De samenvatting om te printen of te sturen aan wie er niet bij was: titel, doelen en uitkomst, dan een pagina per kader
cmd-export-canvas = Exporteren als JSON Canvas…
cmd-export-canvas-help = Een .canvas-bestand voor Obsidian en andere JSON Canvas-apps
cmd-import-canvas = JSON Canvas importeren…
cmd-import-canvas-help = Voeg de kaarten en groepen van een .canvas-bestand aan dit bord toe
cmd-undo = Ongedaan maken
cmd-undo-help = De laatste wijziging ongedaan maken
cmd-redo = Opnieuw
cmd-redo-help = Opnieuw doen wat ongedaan is gemaakt
cmd-cut = Knippen
cmd-cut-help = Kopieer de gekozen kaarten naar het klembord en verwijder ze
cmd-copy = Kopiëren
cmd-copy-help = Kopieer de gekozen kaarten, met afbeeldingen, om op dit of een ander bord te plakken
cmd-paste = Plakken
cmd-paste-help = Plak kaarten, een afbeelding, een link of tekst van het klembord
cmd-duplicate = Dupliceren
cmd-duplicate-help = Maak een kopie van de gekozen ideeën
cmd-delete = Verwijderen
cmd-delete-help = Verwijder de gekozen ideeën
cmd-select-all = Alles selecteren
cmd-select-all-help = Selecteer elk idee
cmd-clear-selection = Niets selecteren
cmd-clear-selection-help = Hef de hele selectie op
cmd-bring-to-front = Naar voren halen
cmd-bring-to-front-help = Leg de gekozen ideeën bovenop
cmd-send-to-back = Naar achteren sturen
cmd-send-to-back-help = Leg de gekozen ideeën onderop
cmd-move-to-board = Naar ander bord…
cmd-move-to-board-help = Breng de gekozen kaarten naar een ander bord of het postvak, met hun afbeeldingen en wie ze inbracht
cmd-copy-to-board = Kopiëren naar bord…
cmd-copy-to-board-help = Zet kopieën van de gekozen kaarten op een ander bord of in het postvak, met hun afbeeldingen en wie ze inbracht
cmd-toggle-lock = Vergrendelen / ontgrendelen
cmd-toggle-lock-help = Vergrendelde ideeën kunnen niet verplaatst, vergroot of verwijderd worden
cmd-add-note = Notitie
cmd-add-note-help = Schrijf een ingeving op
cmd-add-quote = Citaat
cmd-add-quote-help = Voeg iets toe dat iemand zei of schreef
cmd-add-link = Link
cmd-add-link-help = Voeg een webadres toe
cmd-add-colour = Kleur
cmd-add-colour-help = Voeg een kleurstaal toe
cmd-add-image = Afbeelding…
cmd-add-image-help = Voeg afbeeldingen toe uit bestanden of van een webadres
cmd-add-sketch = Schets
cmd-add-sketch-help = Teken met de muis, een pen of een vinger
cmd-add-heading = Kop
cmd-add-heading-help = Woorden direct op het canvas, om een deel van het bord te benoemen
cmd-add-theme = Thema
cmd-add-theme-help = Voeg een thema toe om ideeën in te ordenen
cmd-pick-colour = Kleur uit een afbeelding nemen
cmd-pick-colour-help = Een pipet boven de afbeeldingen: klik op een afbeelding om de kleur onder de aanwijzer op het bord te zetten
cmd-work-offline = Offline werken
cmd-work-offline-help = Links toevoegen zonder hun pagina op te halen, en nooit afbeeldingen downloaden (aan/uit)
cmd-arrange-by-theme = Schikken per thema
cmd-arrange-by-theme-help = Zet de themakaders als een venstervormig bord bij elkaar, kaarten in nette kolommen
cmd-align-left = Linkerranden uitlijnen
cmd-align-left-help = Lijn de gekozen kaarten uit op de linkerrand van de meest linkse
cmd-align-right = Rechterranden uitlijnen
cmd-align-right-help = Lijn de gekozen kaarten uit op de rechterrand van de meest rechtse
cmd-align-top = Bovenranden uitlijnen
cmd-align-top-help = Lijn de gekozen kaarten uit op de bovenrand van de hoogste
cmd-align-bottom = Onderranden uitlijnen
cmd-align-bottom-help = Lijn de gekozen kaarten uit op de onderrand van de laagste
cmd-align-centres = Middens uitlijnen (één kolom)
cmd-align-centres-help = Zet de middens van de gekozen kaarten op één verticale lijn
cmd-align-middles = Middens uitlijnen (één rij)
cmd-align-middles-help = Zet de middens van de gekozen kaarten op één horizontale lijn
cmd-distribute-across = Horizontaal verdelen
cmd-distribute-across-help = Gelijke ruimte tussen de gekozen kaarten, van links naar rechts
cmd-distribute-down = Verticaal verdelen
cmd-distribute-down-help = Gelijke ruimte tussen de gekozen kaarten, van boven naar beneden
cmd-snap-to-grid = Uitlijnen op raster
cmd-snap-to-grid-help = Kaarten die je verplaatst of vergroot komen op het raster van het canvas terecht (aan/uit)
cmd-rotate-right = Afbeelding rechtsom draaien
cmd-rotate-right-help = Een kwartslag met de klok mee voor de gekozen afbeeldingen (het bestand blijft zoals het is)
cmd-rotate-left = Afbeelding linksom draaien
cmd-rotate-left-help = Een kwartslag tegen de klok in voor de gekozen afbeeldingen (het bestand blijft zoals het is)
cmd-flip-across = Afbeelding horizontaal spiegelen
cmd-flip-across-help = Spiegel de gekozen afbeeldingen van links naar rechts (het bestand blijft zoals het is)
cmd-flip-down = Afbeelding verticaal spiegelen
cmd-flip-down-help = Spiegel de gekozen afbeeldingen van boven naar beneden (het bestand blijft zoals het is)
cmd-toggle-session = Sessie starten of beëindigen
cmd-toggle-session-help = Een begeleide sessie: verzamelen, clusteren, stemmen en reageren, met een timer
cmd-draw-prompt = Een prikkel trekken
cmd-draw-prompt-help = Leg een creatieve prikkel uit de stapel op het bord
cmd-give-dot = Een stip geven
cmd-give-dot-help = In de stap Stemmen: zet een van je stippen op de gekozen ideeën
cmd-take-dot = Een stip terugnemen
cmd-take-dot-help = In de stap Stemmen: neem een van je stippen terug van de gekozen ideeën
cmd-shuffle = Het bord schudden
cmd-shuffle-help = Leg de ideeën in een willekeurige opstelling, om de eerste indeling te doorbreken (één ongedaan-maakstap)
cmd-spotlight = Spotlight
cmd-spotlight-help = Eén idee tegelijk, schermvullend, in willekeurige volgorde: wat zou dit nog meer kunnen zijn?
cmd-show-lenses = Lenzen
cmd-show-lenses-help = Waar de ideeën vandaan komen, per bron, inbrenger en thema; en de kleuren van het bord
cmd-zoom-in = Inzoomen
cmd-zoom-in-help = Inzoomen
cmd-zoom-out = Uitzoomen
cmd-zoom-out-help = Uitzoomen
cmd-zoom-reset = Werkelijke grootte
cmd-zoom-reset-help = Toon het bord op 100 %
cmd-zoom-fit = Passend maken
cmd-zoom-fit-help = Toon het hele bord
cmd-zoom-selection = Zoomen naar selectie
cmd-zoom-selection-help = Toon de gekozen ideeën
cmd-toggle-sidebar = Zijbalk met thema's
cmd-toggle-sidebar-help = Toon of verberg de zijbalk met thema's
cmd-toggle-inspector = Inspector
cmd-toggle-inspector-help = Toon of verberg de inspector
cmd-find = Zoeken
cmd-find-help = Zoek op tekst, label, inbrenger of bron
cmd-look-system = Uiterlijk: als het systeem
cmd-look-system-help = Licht of donker, zoals het systeem is ingesteld
cmd-look-light = Uiterlijk: licht
cmd-look-light-help = Een lichte interface en canvas
cmd-look-dark = Uiterlijk: donker
cmd-look-dark-help = Een donkere interface en canvas
cmd-language-system = Taal: als het systeem
cmd-language-system-help = De taal van het systeem, als Moodboard die spreekt (anders Engels)
cmd-language-english = Taal: English
cmd-language-english-help = De interface in het Engels
cmd-language-dutch = Taal: Nederlands
cmd-language-dutch-help = De interface in het Nederlands
cmd-show-shortcuts = Sneltoetsen
cmd-show-shortcuts-help = Toon alle sneltoetsen
cmd-show-welcome = Zo werkt Moodboard
cmd-show-welcome-help = Open het welkomstbord, dat elke soort idee toont en hoe een sessie verloopt
cmd-show-about = Over Moodboard
cmd-show-about-help = De versie, en waar borden en hun bestandsformaat beschreven staan

## Menubalk, werkbalk en zoeken
menu-undo-step = { $step } ongedaan maken
menu-redo-step = { $step } opnieuw doen
menu-start-session = Sessie starten
menu-end-session = Sessie beëindigen
menu-open-recent = Recent geopend
toolbar-add = Toevoegen
toolbar-new-note = Nieuwe notitie
toolbar-new-quote = Nieuw citaat
toolbar-new-link = Nieuwe link
toolbar-new-colour = Nieuwe kleur
toolbar-new-image = Nieuwe afbeelding
toolbar-new-sketch = Nieuwe schets
toolbar-new-heading = Nieuwe kop
toolbar-session = ▶ Sessie
toolbar-end-session = ■ Sessie beëindigen
toolbar-session-switch = Sessieschakelaar
search-hint = 🔍 Zoek tekst, labels, mensen, bronnen
search-label = Zoeken
search-none = Niets gevonden
search-at = { $at } van { $count }
search-count = { $count ->
    [one] 1 gevonden: Enter om erheen te gaan
   *[other] { $count } gevonden: Enter voor de volgende
}
search-clear = Zoekopdracht wissen (Esc)
search-label-none = Zoeken: niets gevonden
search-label-at = Zoeken: { $at } van { $count }
search-label-count = Zoeken: { $count } gevonden

## Doelenstrook
goals-title = 🎯 Doelen
goals-none = Nog geen: voeg er met niets geselecteerd een of twee toe in de inspector.
goals-more = … en nog { $count }
goals-too-many = (meer dan twee: probeer ze te versmallen)

## Statusbalk
save-read-only = 🔒 Alleen-lezen bestand: getoond, niet gewijzigd (Opslaan als… voor een bewerkbare kopie)
save-saved = ✔ Opgeslagen
save-unsaved = • Niet-opgeslagen wijzigingen
save-saving = Opslaan…
save-failed = ✖ Niet opgeslagen: { $reason }
save-status-label = Opslagstatus: { $status }
save-retry = Opnieuw opslaan
status-problems = { $count ->
    [one] ⚠ 1 probleem bij het openen
   *[other] ⚠ { $count } problemen bij het openen
}
status-items = { $count ->
    [one] 1 idee
   *[other] { $count } ideeën
}
status-selected = { $things }, { $count } geselecteerd
status-importing = { $done } van { $total } geïmporteerd
status-cancel-import = Import afbreken
status-job = { $job }…
status-job-progress = { $job }: { $done } van { $total }
status-working-label = Bezig: { $job }
status-messages = 🔔 Berichten
status-messages-unread = 🔔 Berichten ({ $count })
status-messages-help = Alles wat de app je vertelde, met alle redenen
status-messages-label = Berichten
status-zoom-label = Zoomniveau

## De namen uit het model
kind-image = Afbeelding
kind-quote = Citaat
kind-link = Link
kind-note = Notitie
kind-colour = Kleur
kind-sketch = Schets
kind-heading = Kop
kind-image-lower = afbeelding
kind-quote-lower = citaat
kind-link-lower = link
kind-note-lower = notitie
kind-colour-lower = kleur
kind-sketch-lower = schets
kind-heading-lower = kop
phase-off = Geen sessie
phase-collect = Verzamelen
phase-cluster = Clusteren
phase-vote = Stemmen
phase-react = Reageren
phase-collect-hint = Voeg alles toe wat in je opkomt. Nog niet oordelen: stemmen en reacties zijn verborgen.
phase-cluster-hint = Deel de ideeën in thema's in: sleep ze, of laat de app thema's voorstellen.
phase-vote-hint = Zet je stippen op de ideeën die het doel het best dienen.
phase-react-hint = Geef elk idee een reactie of antwoord. Geen idee blijft onbeantwoord.
reaction-build-on = Hierop voortbouwen
reaction-like = Mooi
reaction-surprise = Verrassend
reaction-question = Vertel meer
theme-unsorted = Ongesorteerd

## Canvas en kaarten
canvas-label = Canvas
canvas-face-down = Omgekeerd idee uit de live sessie
canvas-drop-here = Loslaten om aan het bord toe te voegen
canvas-empty = Dit bord is leeg.

    Druk N voor een notitie, Q voor een citaat, L voor een link, C voor een kleur,
    I om afbeeldingen toe te voegen, of sleep bestanden en plak (Ctrl+V) hier.
card-someone = iemand
card-someone-hidden = iemand (verborgen in deze sessie)
card-no-source = geen bron
card-added-by = Toegevoegd door { $who } · { $source }
card-times = { $created } · gewijzigd { $changed }
card-open-link = Link openen
card-open-link-label = Link { $url } openen
card-move-to-theme = Naar thema verplaatsen
card-resize-label = { $item } vergroten of verkleinen
card-edit-inline-label = Tekst op het bord bewerken

## Ongedaan-maakstappen
step-move-into = { $things } naar “{ $theme }” verplaatsen
step-move-out = { $things } uit het thema halen
step-move = { $things } verplaatsen
step-move-to = { $things } naar “{ $theme }” verplaatsen
step-resize = Grootte wijzigen
step-edit-text = Tekst bewerken

## Sessiebalk, stemmen en reacties
session-title = Sessie
session-phase-label = Stap { $phase }
step-go-to-phase = Naar { $phase }
session-hide-who = Namen verbergen
session-hide-who-help = Tegen het gezag van de hoogste stem
step-hide-contributors = Inbrengers verbergen
step-show-contributors = Inbrengers tonen
session-private = Besloten verzamelen
session-private-help = Tijdens het verzamelen ziet niemand de ideeën van een ander: het eerste idee kan de rest niet sturen
step-collect-privately = Besloten verzamelen
step-collect-openly = Openlijk verzamelen
session-invite = Uitnodigen…
session-invite-help = Laat mensen meedoen vanaf hun telefoon: niets installeren, geen account
session-inviting = Uitnodigen · { $count } erbij
session-inviting-help = Toon de QR-code en het adres van de uitnodiging
session-show-new = Nieuwe ideeën
session-show-new-help = Zoom naar de ideeën die van telefoons kwamen
session-stop-inviting = Stop uitnodigen
session-end-help = Terug naar het gewone bord; stemmen en reacties blijven
session-private-empty = Besloten verzamelen: ideeën van telefoons liggen omgekeerd tot Clusteren
session-private-in =
    { $count ->
        [one] 1 idee binnen, omgekeerd tot Clusteren
       *[other] { $count } ideeën binnen, omgekeerd tot Clusteren
    }
session-private-from =
    { $count ->
        [one] 1 idee binnen, van { $people ->
            [one] 1 persoon
           *[other] { $people } personen
        }, omgekeerd tot Clusteren
       *[other] { $count } ideeën binnen, van { $people ->
            [one] 1 persoon
           *[other] { $people } personen
        }, omgekeerd tot Clusteren
    }
session-private-from-anonymous =
    { $count ->
        [one] 1 idee binnen, van { $people } met naam en { $anonymous } anoniem, omgekeerd tot Clusteren
       *[other] { $count } ideeën binnen, van { $people } met naam en { $anonymous } anoniem, omgekeerd tot Clusteren
    }
session-time-up = ⏰ De tijd is om: maak je gedachte af.
session-time-up-label = De tijd is om
session-all-answered = ✔ Elk idee heeft een antwoord
session-unanswered =
    { $count ->
        [one] 1 idee zonder reactie
       *[other] { $count } ideeën zonder reactie
    }
session-unanswered-label = Onbeantwoorde ideeën: { $text }
session-prompt-language = Taal van de prikkels
timer-label =
    Timer { $left } { $state ->
        [running] loopt
        [paused] gepauzeerd
       *[stopped] gestopt
    }
timer-minutes-suffix = min
timer-minutes-label = Minuten op de timer
step-set-timer = Timer instellen
timer-start = ▶ Timer starten
step-start-timer = Timer starten
timer-pause = ⏸ Timer pauzeren
step-pause-timer = Timer pauzeren
timer-resume = ▶ Timer hervatten
step-resume-timer = Timer hervatten
timer-extend = +1 min
timer-extend-help = Geef iedereen nog een minuut
step-extend-timer = Timer verlengen
timer-end = ⏹ Timer stoppen
step-end-timer = Timer stoppen
suggest-none = Geen themavoorstellen: geen twee ongesorteerde ideeën delen een label of een veelzeggend woord.
suggest-title = Voorgestelde thema's:
suggest-help = Ideeën die { $reason } delen; klik om er een thema van te maken
suggest-label = Voorgesteld thema { $theme }
step-suggested-theme = Thema “{ $theme }”
vote-dots-prefix = Stippen per persoon:
vote-dots-label = Stippen per persoon
step-set-dots = Stippen per persoon instellen
vote-left = Je hebt nog { $left } van { $dots } stippen
vote-hide-totals = Totalen verbergen
step-hide-totals = Stemtotalen verbergen
vote-most = Meeste stippen: { $top }
vote-placed =
    { $count ->
        [one] 1 stip gezet
       *[other] { $count } stippen gezet
    }
vote-reveal = Stemmen onthullen
vote-reveal-help = Toon iedereen de totalen
judgment-hidden = Stemmen en reacties zijn verborgen tijdens het verzamelen: nog niet oordelen.
judgment-prompt = Een prikkelkaart: beantwoord hem met eigen ideeën.
judgment-dots = Stippen
judgment-yours = Van jou: { $dots }
judgment-in-all = { $count } in totaal
judgment-in-all-label = Stippen in totaal: { $count }
judgment-totals-hidden = totalen verborgen tot ze onthuld worden
judgment-give-dot = Een stip geven (nog { $left })
judgment-reactions = Reacties
judgment-react-label = Reageer { $reaction }
step-take-back-reaction = Reactie terugnemen
step-react = Reactie “{ $reaction }”
judgment-replies = Antwoorden
judgment-delete-reply = Je antwoord verwijderen
step-delete-reply = Antwoord verwijderen
judgment-reply = Antwoorden
judgment-reply-hint = Ja, en… (Enter om te versturen)
judgment-describe-mine = jouw stippen { $count }
judgment-describe-total =
    { $count ->
        [one] 1 stip in totaal
       *[other] { $count } stippen in totaal
    }
judgment-describe-replies =
    { $count ->
        [one] 1 antwoord
       *[other] { $count } antwoorden
    }
judgment-describe-unanswered = nog geen reactie

## Inspector
inspector-face-down = Omgekeerd idee
inspector-board = Bord
inspector-title = Titel
inspector-title-hint = Hoe dit bord heet
step-rename-board = Bord hernoemen
inspector-description = Beschrijving
inspector-description-hint = Wat dit bord verzamelt
step-change-description = Beschrijving wijzigen
inspector-goals = Doelen
inspector-goals-help = De een of twee dingen waar dit bord voor is. Ze blijven in beeld terwijl je verzamelt.
inspector-goal-hint = Een doel
step-change-goal = Doel wijzigen
step-remove-goal = Doel verwijderen
inspector-new-goal = Nieuw doel
inspector-new-goal-hint = Typ een doel, dan Enter
step-add-goal = Doel toevoegen
inspector-too-many-goals = Meer dan twee doelen: een bord werkt het best met een of twee heldere.
inspector-select-hint = Kies een kaart om hem hier te bewerken.
inspector-your-name = Je naam
inspector-your-name-hint = Staat op alles wat je toevoegt
inspector-your-name-help = Bewaard in je voorkeuren, niet in het bord.
inspector-note = Notitie
inspector-note-hint = De ingeving
step-edit-note = Notitie bewerken
inspector-quote = Citaat
inspector-quote-hint = Wat er gezegd werd
step-edit-quote = Citaat bewerken
inspector-said-by = Gezegd door
inspector-said-by-hint = Wie het zei
step-change-attribution = Bron van het citaat wijzigen
inspector-citation = Vindplaats
inspector-citation-hint = Waar het gezegd werd
step-change-citation = Vindplaats wijzigen
inspector-address = Adres
step-change-address = Adres wijzigen
inspector-link-title-hint = Wat het is
step-change-link-title = Titel van de link wijzigen
inspector-why = Waarom het ertoe doet
inspector-optional = Niet verplicht
step-change-link-note = Notitie bij de link wijzigen
inspector-page-says = Wat de pagina zegt
step-change-link-description = Beschrijving van de link wijzigen
inspector-remove-picture = Voorbeeldafbeelding verwijderen
inspector-remove-picture-help = Houd de link, zonder de afbeelding van de pagina
inspector-unsafe-link = Alleen http-, https- en mailto-adressen worden vanaf een bord geopend.
inspector-caption = Bijschrift
inspector-caption-hint = Wat het toont, en van wie het is
inspector-heading = Kop
inspector-heading-hint = Wat dit deel van het bord is
inspector-heading-large = Groot
inspector-heading-large-help = Schrijf de kop groot
inspector-heading-medium = Middel
inspector-heading-medium-help = Schrijf de kop middelgroot
inspector-heading-small = Klein
inspector-heading-small-help = Schrijf de kop klein
step-change-caption = Bijschrift wijzigen
inspector-hex = Hex
step-change-colour = Kleur wijzigen
inspector-colour-name = Naam van de kleur
inspector-colour-name-hint = bijv. Zonnebloem
step-rename-colour = Kleur hernoemen
inspector-tags = Labels
inspector-tags-hint = met komma, gescheiden
step-change-tags = Labels wijzigen
inspector-source = Bron
inspector-source-hint = Waar het idee vandaan komt
step-change-source = Bron wijzigen
inspector-use-source = Deze bron gebruiken
inspector-hidden-who = Wie het toevoegde is verborgen tijdens deze sessie.
inspector-locked = Vergrendeld
inspector-delete-item = Idee verwijderen
inspector-add-tag = Label toevoegen
inspector-add-tag-hint = Label voor allemaal
inspector-delete-items = Ideeën verwijderen
inspector-several = (verschillende)
inspector-theme = Thema
inspector-own-prompts = Je eigen prikkels
inspector-own-prompts-help = Worden met de stapel meegetrokken (P). Ze reizen met het bord mee.
inspector-remove-prompt = Deze prikkel verwijderen
step-remove-prompt = Prikkel verwijderen
inspector-new-prompt = Nieuwe prikkel
inspector-new-prompt-hint = bijv. Wat zou onze oprichter toevoegen?
step-add-prompt = Prikkel toevoegen

## Inspector (met argumenten)
inspector-face-down-text = Een idee van de telefoon van een deelnemer. Besloten verzamelen houdt elk idee omgekeerd tot de sessie doorgaat naar Clusteren, zodat geen idee de rest stuurt.
inspector-goal-n = Doel { $n }
inspector-remove-goal-n = Doel { $n } verwijderen
inspector-image-size = { $file } · { $w } × { $h } px
inspector-image-from = Van { $url }
inspector-added-by = Toegevoegd door { $who }
inspector-times = Gemaakt { $created } · gewijzigd { $changed }
step-lock = Vergrendelen
step-unlock = Ontgrendelen
inspector-selected = { $things } geselecteerd

## Dialoogvensters
shortcuts-canvas = Op het canvas
shortcuts-pan = Schuiven
shortcuts-pan-keys = Middelste knop slepen, Spatie+slepen of scrollen
shortcuts-zoom = Zoomen rond de aanwijzer
shortcuts-zoom-keys = Ctrl+scrollen of knijpen
shortcuts-select-more = Meer selecteren
shortcuts-select-more-keys = Shift+klik of Ctrl+klik
shortcuts-select-area = Een gebied selecteren
shortcuts-select-area-keys = Slepen over lege ruimte
shortcuts-edit-in-place = Tekst ter plekke bewerken
shortcuts-edit-in-place-keys = Dubbelklik op een kaart
shortcuts-finish-editing = Tekst klaar bewerken
shortcuts-finish-editing-keys = Ctrl+Enter of ergens anders klikken
shortcuts-keyboard = Zonder muis
shortcuts-enter-cards = Naar de kaarten
shortcuts-enter-cards-keys = Een pijltjestoets (of Tab door de panelen)
shortcuts-walk = Volgende of vorige kaart, kader voor kader
shortcuts-walk-keys = Tab of Shift+Tab, pijl rechts of links
shortcuts-walk-column = De kaart erboven of eronder
shortcuts-walk-column-keys = Pijl omhoog of omlaag
shortcuts-choose = De kaart kiezen, of loslaten
shortcuts-choose-keys = Spatie
shortcuts-edit-card = De kaart bewerken
shortcuts-edit-card-keys = Enter
shortcuts-nudge = De gekozen kaarten verplaatsen
shortcuts-nudge-keys = Shift+pijltjestoetsen
unsaved-title = Niet-opgeslagen wijzigingen
unsaved-dont-save = Niet opslaan
button-cancel = Annuleren
welcome-text = Alles wat je toevoegt, elke stip en elke reactie draagt je naam, zodat het team weet wie wat inbracht.
welcome-name = Naam op je ideeën
welcome-name-hint = bijv. Anne
welcome-save-name = Naam bewaren
button-later = Later
welcome-later-help = Je kunt hem instellen in de inspector, met niets geselecteerd
goal-ask-text = Eén helder doel houdt het verzamelen gericht. Het blijft boven het bord in beeld.
goal-ask-field = Doel van dit bord
goal-ask-hint = bijv. Een warmer welkom voor nieuwe klanten
goal-ask-set = Doel instellen
goal-ask-later-help = Voeg doelen toe in de inspector, met niets geselecteerd
new-board-text = De titel is ook de naam van het bestand; je kunt hem later wijzigen in de inspector.
new-board-title = Titel van het nieuwe bord
new-board-title-hint = bijv. Ideeën voor de keuken
new-board-goal = Doel (niet verplicht)
new-board-goal-hint = Waar is dit bord voor? Het blijft in beeld terwijl je verzamelt
new-board-create = Bord maken
button-esc = Esc

## Dialoogvensters (met argumenten)
shortcuts-or = of
problems-title = Problemen in “{ $board }”
problems-text = Het bord is geopend, maar deze delen vroegen aandacht. Er is niets op schijf gewijzigd; het bord wordt pas met de reparaties opgeslagen als je iets verandert.
unsaved-text = “{ $board }” heeft wijzigingen die nog niet zijn opgeslagen.
unsaved-last-failed = Het laatste opslaan mislukte: { $reason }
welcome-title = Welkom bij Moodboard
goal-ask-title = Waar is dit bord voor?
step-set-goal = Doel instellen
new-board-no-title = Geef het bord eerst een titel.
new-board-enter = Enter om te maken
colour-invalid = “{ $text }” is geen kleur; gebruik hex zoals #E4B363 of #EB3

## Formulieren om toe te voegen
capture-no-image-here = Afbeeldingen worden van hun adres gedownload, niet hier gemaakt.
capture-ctrl-enter = Ctrl+Enter
capture-enter = Enter
capture-ctrl-enter-to-add = Ctrl+Enter om toe te voegen
capture-enter-to-add = Enter om toe te voegen
capture-need-picture = Typ of plak eerst het adres van de afbeelding, of kies bestanden.
capture-note-hint = De ingeving, in je eigen woorden
capture-quote-hint = Wat er gezegd of geschreven werd
capture-citation-hint = Waar: een boek, een lezing, een interview
capture-pick-colour = Kies de kleur
capture-name = Naam
capture-name-hint = Niet verplicht, bijv. Zonnebloem
capture-picture-address = Adres van de afbeelding
capture-offline-hint = Offline: er wordt niets gedownload (Offline werken, in het menu Toevoegen).
capture-formats = JPEG, PNG, GIF, WebP, BMP, TIFF of SVG, gedownload in het bord.
capture-or = Of:
capture-choose-files = Bestanden kiezen…
capture-choose-files-help = Kies afbeeldingen of tekstbestanden op deze computer
capture-drop-hint = Bestanden slepen en plakken (Ctrl+V) werkt ook op het canvas.

## Formulieren om toe te voegen (met argumenten)
capture-need-note = De notitie is leeg: typ haar eerst.
capture-need-quote = Het citaat is leeg: typ het eerst.
capture-need-address = Het adres is leeg: typ het eerst.
capture-add-note = Notitie toevoegen
capture-add-quote = Citaat toevoegen
capture-add-link = Link toevoegen
capture-add-colour = Kleur toevoegen
capture-add-image = Afbeelding toevoegen
capture-add-sketch = Schets toevoegen
capture-add-heading = Kop toevoegen
capture-need-heading = Typ eerst de kop.
capture-heading-hint = bijv. Wilde ideeën
capture-offline = Moodboard werkt offline (Offline werken, in het menu Toevoegen); zet dat uit om afbeeldingen te downloaden.
capture-cannot-download = Dit kan niet gedownload worden: { $reason }.

## Lenzen
lens-where-next = Waar je nu kunt zoeken
lens-contributors-hidden = Per inbrenger: verborgen tijdens deze sessie
lens-no-ideas = Nog geen ideeën.
lens-colour = Kleurlens
lens-no-images = Nog geen afbeeldingen op dit bord.
lens-perspectives = Perspectieven om naar te zoeken
lens-perspectives-help = Aangeboden als bron van een idee; bewaard in je voorkeuren.
lens-remove-perspective = Uit de lijst halen
lens-new-perspective = Nieuw perspectief
lens-new-perspective-hint = bijv. leveranciers

## Lenzen (met argumenten)
lens-summary =
    { $count ->
        [one] 1 idee · { $percent }% van buiten het eigen team
       *[other] { $count } ideeën · { $percent }% van buiten het eigen team
    }
lens-summary-label = Samenvatting van de lens: { $summary }
lens-source-dominates = { $percent }% van de ideeën komt van { $name }: één lens overheerst.
lens-contributor-dominates = { $percent }% van de ideeën is toegevoegd door { $name }: betrek de anderen.
lens-warning-label = Waarschuwing van de lens: { $warning }
lens-nothing-from = Nog niets van { $perspective }.
lens-by-source = Per bron
lens-by-contributor = Per inbrenger
lens-by-theme = Per thema
lens-not-given = niet opgegeven
lens-finding-colours = Kleuren zoeken van { $pending } van { $total } afbeeldingen…
lens-unreadable =
    { $count ->
        [one] 1 afbeelding kon niet gelezen worden.
       *[other] { $count } afbeeldingen konden niet gelezen worden.
    }
lens-palette-colour = Paletkleur { $hex } ({ $percent }%)
lens-all-alike = ⚠ De afbeeldingen lijken allemaal op elkaar qua kleur (rond { $hex }): zoek er een die het patroon doorbreekt.
lens-all-alike-label = Afbeeldingen lijken op elkaar

## Zijbalk met thema's
sidebar-themes = Thema's
sidebar-none = Nog geen thema's. Thema's groeperen ideeën; voeg er een toe en sleep dan kaarten in zijn kader.
sidebar-theme-name = Naam van het thema
sidebar-rename = Hernoemen
sidebar-colour = Kleur
sidebar-move-up = Omhoog
sidebar-move-down = Omlaag
sidebar-delete-theme = Thema verwijderen

## Zijbalk met thema's (met argumenten)
sidebar-all = Alle ideeën ({ $count })
sidebar-add-theme = Thema toevoegen
sidebar-theme-options = Opties voor thema { $theme }
sidebar-rename-label = Thema { $theme } hernoemen
step-rename-theme = Thema hernoemen tot “{ $theme }”
sidebar-colour-label = Kleur { $hex }
step-recolour-theme = Kleur van thema “{ $theme }” wijzigen
step-theme-up = Thema “{ $theme }” omhoog
step-theme-down = Thema “{ $theme }” omlaag
sidebar-delete-help-empty = Dit thema verwijderen
sidebar-delete-help = Dit thema verwijderen; zijn { $things } worden ongesorteerd (er wordt niets verwijderd)
step-delete-theme = Thema “{ $theme }” verwijderen

## Berichten
toasts-show = Tonen
toasts-show-help = Zoom naar wat er binnenkwam
toasts-dismiss = Wegklikken
toasts-nothing = Nog niets te melden.
toasts-clear = Berichten wissen

## Berichten (met argumenten)
toasts-waiting = Nog { $count } in Berichten (statusbalk)
toasts-more-details = … en nog { $count } (zie Berichten)
toasts-show-label = Tonen: { $text }
toasts-reasons =
    { $count ->
        [one] 1 reden
       *[other] { $count } redenen
    }

## Voorbeeld van het samenvoegen
merge-other-board = Dit is een ander bord: het kan alleen ideeën toevoegen. Niets van jou wordt gewijzigd of verwijderd.
button-close = Sluiten
merge-merge = Samenvoegen
merge-one-step = Samenvoegen is één stap: Ctrl+Z draait het terug.

## Voorbeeld van het samenvoegen (met argumenten)
merge-title = “{ $board }” met dit bord samenvoegen?
merge-nothing = Niets nieuws om binnen te halen.
merge-comes-in = Komt erbij
merge-changes = Verandert
merge-goes = Verdwijnt
merge-not-taken = Niet overgenomen ({ $count })
merge-new = { $count } nieuw
merge-changed = { $count } gewijzigd
merge-removed = { $count } verwijderd
merge-themes-new =
    { $count ->
        [one] 1 nieuw thema
       *[other] { $count } nieuwe thema's
    }
merge-themes-changed =
    { $count ->
        [one] 1 thema gewijzigd
       *[other] { $count } thema's gewijzigd
    }
merge-themes-removed =
    { $count ->
        [one] 1 thema verwijderd
       *[other] { $count } thema's verwijderd
    }
merge-dots =
    { $count ->
        [one] 1 nieuwe stip
       *[other] { $count } nieuwe stippen
    }
merge-responses =
    { $count ->
        [one] 1 nieuw antwoord of nieuwe reactie
       *[other] { $count } nieuwe antwoorden en reacties
    }
merge-meta = nieuwe titel of doelen
merge-nothing-new = niets nieuws

## Bijsnijden
crop-loading = De afbeelding wordt geladen…
crop-move = Uitsnede verplaatsen
step-crop = Afbeelding bijsnijden
step-draw-stroke = Lijn tekenen
step-edit-heading = Kop bewerken
step-erase-strokes = { $count ->
    [one] Lijn uitgummen
   *[other] { $count } lijnen uitgummen
}
crop-reset = Herstellen
crop-reset-help = Toon de hele afbeelding

## Bijsnijden (met argumenten)
crop-corner = Hoek { $n } van de uitsnede
crop-apply = Bijsnijden
pen-area = Tekenpapier
picker-label = Kleurpipet
picker-hint = Klik op een afbeelding om de kleur onder de aanwijzer te nemen · Esc als je klaar bent
picker-reading = Afbeelding lezen…
pen-start = Teken hier
pen-ink = Inkt { $n }: { $hex }
pen-thin = Dun
pen-medium = Middel
pen-thick = Dik
pen-pen = ✏ Pen
pen-eraser = Gum
pen-done = Klaar
pen-done-help = Leg de pen weg (Esc of Enter); Ctrl+Z neemt de laatste lijn terug
pen-full = Deze schets is vol (1.000 lijnen of 100.000 punten): begin een nieuwe schets om verder te tekenen.
card-empty-sketch = Een lege schets: dubbelklik om te tekenen

## Themakaders
frame-rename = Thema hernoemen
frame-tidy = Kaarten netjes leggen
frame-delete = Thema verwijderen (de kaarten blijven, ongesorteerd)
frame-lock = 🔒 Kader vastzetten
frame-unlock = 🔓 Kader losmaken
frame-locked-hint = Vastgezet: het kader en zijn kaarten blijven zoals ze zijn tot het wordt losgemaakt.

## Themakaders (met argumenten)
frame-empty = { $theme }  ·  leeg: sleep hier ideeën in
frame-label = Kader { $theme }
frame-resize-label = Kader { $theme } vergroten of verkleinen
step-move-frame = Kader “{ $theme }” verplaatsen
step-lock-frame = Kader “{ $theme }” vastzetten
step-unlock-frame = Kader “{ $theme }” losmaken
step-tidy = “{ $theme }” netjes leggen
step-resize-frame = Kader “{ $theme }” van grootte veranderen

## Kaarten
card-prompt = 🎴 PRIKKEL
card-unsafe-link = ⚠ geen webadres; wordt niet geopend
card-invalid-colour = ongeldige kleur “{ $hex }”
card-dots =
    { $count ->
        [one] 1 stip
       *[other] { $count } stippen
    }
card-loading = { $file } laden…
card-face-down =
    omgekeerd
    tot Clusteren

## Uitnodiging
invite-scan = Scan de code met de camera van een telefoon, of typ het adres. Geen app, geen account.
invite-same-network = Telefoons moeten op hetzelfde netwerk zitten als deze computer.
invite-qr-label = QR-code van het adres om mee te doen

## Uitnodiging (met argumenten)
invite-title = Mensen uitnodigen
invite-address-label = Adres om mee te doen { $url }
invite-nobody = Er doet nog niemand mee.
invite-joined =
    { $count ->
        [one] 1 persoon doet mee, { $contributed } voegde ideeën toe.
       *[other] { $count } mensen doen mee, { $contributed } voegden ideeën toe.
    }
invite-stop-help = Doe de deur dicht: de pagina om mee te doen antwoordt niet meer
invite-copy-help = Het adres kopiëren

## Downloads
download-connecting = verbinden
download-from = Downloaden van { $site }… { $amount }
download-not-added = ⚠ Niet toegevoegd: { $reason }
download-label = { $address } downloaden
download-failed-label = Downloaden mislukt: { $address }: { $reason }
download-retry = Opnieuw
download-retry-help = { $address } opnieuw downloaden
download-dismiss-help = Deze download vergeten

## Spotlight
spotlight-header = { $at } van { $count } · Wat zou dit nog meer kunnen zijn?
spotlight-also = Het zou ook kunnen zijn…
spotlight-also-hint = Typ een andere lezing, dan Enter: het wordt een notitie naast deze
spotlight-also-label = Het zou ook kunnen zijn
spotlight-previous = ◀ Vorige
spotlight-close = Sluiten (Esc)
spotlight-next = Volgende ▶

## Velden
field-ctrl-enter = Ctrl+Enter om af te ronden

## Berichten van de app
app-read-only = { $path } is alleen-lezen (beveiligd tegen schrijven): het wordt getoond, maar kan niet gewijzigd worden. Gebruik Opslaan als… voor een bewerkbare kopie.
app-opened-with-problems =
    { $count ->
        [one] Geopend met 1 probleem hersteld in het geheugen; zie de statusbalk.
       *[other] Geopend met { $count } problemen hersteld in het geheugen; zie de statusbalk.
    }
app-previous-save-failed = Het vorige bord opslaan mislukte: { $reason }
app-not-saved = Niet opgeslagen: { $reason }. Je wijzigingen zijn er nog; los de oorzaak op en druk op Opnieuw opslaan.
app-from-saved-elsewhere = wijzigingen die iemand anders opsloeg
app-pack-not-opened = Het pakket kon niet geopend worden: { $reason }
app-board-not-opened = Het bord kon niet geopend worden: { $reason }
app-last-not-reopened = Het laatste bord kon niet opnieuw geopend worden: { $reason }
app-welcome-failed = Het welkomstbord kon niet gemaakt worden in { $folder }: { $reason }
app-from-phone = van een telefoon
app-from-board-file = wijzigingen uit het bordbestand
app-conflict-merged = Conflictkopie “{ $name }” samengevoegd ({ $summary }); ze is verplaatst naar { $to }
app-conflict-failed = Conflictkopie “{ $name }”: { $reason }
app-file-unreadable = Het bordbestand is veranderd maar kan niet gelezen worden: { $reason }
app-file-not-merged = De wijzigingen die elders in het bestand van het bord zijn gemaakt, konden niet worden overgenomen: { $reason }. Ze blijven in het bestand staan.
app-not-taken =
    { $count ->
        [one] 1 wijziging van { $from } is niet overgenomen: { $list }
       *[other] { $count } wijzigingen van { $from } zijn niet overgenomen: { $list }
    }
app-new-from = nieuw van { $from }
canvas-new = nieuw
app-merged = { $from } samengevoegd: { $summary }
app-dialog-other-board = Er werd een ander bord geopend terwijl het bestandsvenster open was; er is niets gedaan.

## Handelingen
actions-offline-not-downloaded = Niet gedownload: Moodboard werkt offline (Offline werken, in het menu Toevoegen).
actions-no-arrivals = Nog geen ideeën van telefoons.
actions-not-opened = Niet geopend: “{ $url }” is geen web- of mailadres.
actions-import-cancelled = Import afgebroken; wat al was toegevoegd blijft.
actions-cancelled-not-added =
    { $count ->
        [one] 1 bestand is niet toegevoegd voordat de import werd afgebroken
       *[other] { $count } bestanden zijn niet toegevoegd voordat de import werd afgebroken
    }
actions-name-set = Nieuwe ideeën worden nu toegevoegd als { $name }
step-lock-things = { $things } vergrendelen
step-unlock-things = { $things } ontgrendelen
actions-offline-on = Offline: links worden zonder voorbeeld toegevoegd, en afbeeldingen worden niet gedownload.
actions-offline-off = Weer online: geplakte en toegevoegde adressen halen hun afbeeldingen en voorbeelden op.
actions-snap-on = Uitlijnen op raster staat aan: kaarten die je verplaatst of vergroot komen op het raster.
actions-snap-off = Uitlijnen op raster staat uit.
actions-nothing-to-shuffle = Niets om te schudden: daar zijn twee ontgrendelde ideeën voor nodig.
step-shuffle = Schudden
actions-nothing-to-spotlight = Nog niets om in de spotlight te zetten.
actions-align-needs = { $command }: kies minstens { $count } ontgrendelde kaarten.
actions-align-done = { $command }: de kaarten liggen al op één lijn.
actions-turn-needs = { $command }: kies eerst een afbeelding (vergrendelde afbeeldingen blijven zoals ze zijn).
actions-locked-not-deleted = { $things } vergrendeld, dus niet verwijderd. Eerst ontgrendelen (Ctrl+L).
step-delete = { $things } verwijderen
step-duplicate = { $things } dupliceren
actions-new-theme = Nieuw thema
actions-new-theme-n = Nieuw thema { $n }
step-add-theme = Thema “{ $theme }” toevoegen
step-make-theme = Maak een thema van { $things }
actions-importing = { $count } bestanden importeren…
actions-empty-file = { $file } is leeg, dus er is geen notitie toegevoegd
step-add = { $things } toevoegen
actions-imported =
    { $count ->
        [one] 1 bestand toegevoegd
       *[other] { $count } bestanden toegevoegd
    }
actions-not-added =
    { $count ->
        [one] 1 bestand is niet toegevoegd
       *[other] { $count } bestanden zijn niet toegevoegd
    }

## Klembord
clip-select-to-cut = Kies eerst de kaarten om te knippen.
clip-select-to-copy = Kies eerst de kaarten om te kopiëren.
clip-copying = { $things } kopiëren
clip-copy-failed = Kopiëren lukte niet
clip-pasting = Kaarten plakken
clip-paste-failed = Plakken lukte niet
step-paste = { $things } plakken
clip-pasted-with-problems =
    { $count ->
        [one] Geplakt, met 1 ding hersteld of weggelaten
       *[other] Geplakt, met { $count } dingen hersteld of weggelaten
    }
clip-preview-of = voorbeeld van { $url }
clip-the-clipboard = het klembord
clip-picture-left-out = afbeelding “{ $file }”: { $reason }; weggelaten
clip-picture-too-large = afbeelding “{ $file }” stond niet op het klembord (te groot om met de rest te kopiëren); weggelaten
export-html = Webpagina (HTML)
export-markdown = Markdown
export-png = Afbeelding (PNG)
export-canvas = JSON Canvas
export-pdf = PDF
export-missing-picture = Afbeelding ontbreekt: { $name }

## Achtergrondtaken
job-opening = “{ $board }” openen
job-open-failed = Het bord kon niet geopend worden
job-creating = “{ $board }” maken
job-folder-failed = De map voor borden kon niet gemaakt worden
job-new-board-at = Nieuw bord in { $path }
job-create-failed = Er kon geen bord gemaakt worden
job-saving-copy = Een kopie opslaan als “{ $board }”
job-save-as-failed = Opslaan als mislukte
job-saved-as = Opgeslagen als { $path }
job-reopen-failed = Opgeslagen, maar de kopie kon niet opnieuw geopend worden
job-reading = “{ $board }” lezen
job-merge-no-temp = Samenvoegen lukte niet: geen tijdelijke map
job-merge-failed = Samenvoegen lukte niet
job-copying-images = De afbeeldingen van “{ $board }” kopiëren
job-import-failed = Importeren lukte niet
job-exporting = Exporteren als { $format }
job-export-failed = Exporteren mislukte
job-saving-pack = Een pakket opslaan
job-pack-failed = Pakket niet opgeslagen
job-unpacking = Uitpakken
job-unpack-failed = Het pakket kon niet geopend worden
job-other-board = Intussen werd een ander bord geopend; wat voor het eerdere bord gelezen was, is met rust gelaten.
job-merge-board-closed = “{ $board }” zou samengevoegd worden met een bord dat nu gesloten is; er is niets samengevoegd.
step-merge = “{ $board }” samenvoegen
job-merge-nothing = “{ $board }” bracht niets nieuws
job-merge-missing-images =
    { $count ->
        [one] 1 afbeelding van “{ $board }” ontbreekt
       *[other] { $count } afbeeldingen van “{ $board }” ontbreken
    }
job-merge-error = “{ $board }” kon niet samengevoegd worden: { $reason }
step-import = “{ $board }” importeren
job-canvas-files-as-notes =
    { $count ->
        [one] 1 bestand van het canvas is als notitie toegevoegd
       *[other] { $count } bestanden van het canvas zijn als notitie toegevoegd
    }
job-import-error = “{ $board }” kon niet geïmporteerd worden: { $reason }
job-exported = Geëxporteerd als { $format } naar { $path }
job-packed =
    { $count ->
        [one] Pakket met 1 afbeelding opgeslagen in { $path }
       *[other] Pakket met { $count } afbeeldingen opgeslagen in { $path }
    }
job-packed-missing =
    { $count ->
        [one] Pakket met 1 afbeelding opgeslagen in { $path } ({ $missing } ontbrekende weggelaten)
       *[other] Pakket met { $count } afbeeldingen opgeslagen in { $path } ({ $missing } ontbrekende weggelaten)
    }
job-unpacked = Uitgepakt in { $path }; open het via Bestand → Openen.
job-copied = { $things } gekopieerd
job-copied-left-out =
    { $count ->
        [one] { $things } gekopieerd (1 afbeelding te groot om mee te gaan: kopieer er minder tegelijk)
       *[other] { $things } gekopieerd ({ $count } afbeeldingen te groot om mee te gaan: kopieer er minder tegelijk)
    }

## Bestandsvensters
dialog-open = Een bord openen
dialog-save-as = Het bord opslaan als
dialog-images = Afbeeldingen toevoegen
dialog-merge = Een bord met dit bord samenvoegen
dialog-pack = Het bord en zijn afbeeldingen als één bestand opslaan
dialog-export = Exporteren als { $format }
dialog-canvas = Een JSON Canvas-bestand importeren
dialog-filter-boards = Borden en pakketten
dialog-filter-images-text = Afbeeldingen en tekstnotities
dialog-filter-images = Afbeeldingen
dialog-filter-pack = Moodboard-pakket
file-dialog-open = Openen
file-dialog-save = Opslaan
file-dialog-new-folder = Nieuwe map
file-dialog-new-folder-name = Nieuwe map
file-dialog-rename = Hernoemen
file-dialog-refresh = Vernieuwen
file-dialog-parent = Bovenliggende map
file-dialog-file = Bestand:
file-dialog-show-hidden = Verborgen bestanden tonen

## Regels
rule-not-voting = Stippen zet je in de stap Stemmen van een sessie.
rule-no-dots-left = Je hebt al je { $count } stippen gezet; neem er een terug om hem te verplaatsen.
rule-nothing-to-vote-on = Kies eerst de ideeën om op te stemmen.
rule-no-dot-to-take = Je hebt geen stip op deze ideeën om terug te nemen.
rule-hidden-while-collecting = Reacties en antwoorden wachten tot het verzamelen voorbij is: nog niet oordelen.
rule-is-a-prompt = Een prikkelkaart beantwoord je met ideeën, niet met reacties.
rule-no-such-item = Dat idee staat niet op het bord.
rule-no-such-theme = Dat thema staat niet op het bord.
rule-empty-reply = Een antwoord heeft woorden nodig.
rule-not-your-reply = Alleen wie een antwoord schreef, kan het verwijderen.
rule-nothing-to-move = Alles staat al in dat thema.
rule-frame-locked = Het kader “{ $theme }” is vastgezet: maak het eerst los om er kaarten in te leggen of uit te halen.
rule-locked = Die kaarten zijn vastgezet: maak ze (of hun kader) eerst los.

## Web
web-link-added-warning = Link toegevoegd: { $address }, { $warning }.

## Uitnodigen
invite-read-only = Dit bord is hier alleen-lezen, dus ideeën van telefoons zouden niet opgeslagen kunnen worden.
invite-start-failed = Uitnodigen kon niet starten: { $reason }
invite-stopped = Uitnodiging gesloten; elk idee van de telefoons is opgeslagen.
invite-stopped-failed = Uitnodiging gesloten, maar de laatste ideeën konden niet opgeslagen worden: { $reason }

## Taken
job-crashed = { $job } stopte onverwacht (een fout in Moodboard); er is niets gewijzigd

## Document
doc-read-only = Het bestand van dit bord is alleen-lezen (beveiligd tegen schrijven), dus het kan hier niet gewijzigd worden; gebruik Opslaan als… voor een bewerkbare kopie.

## Het welkomstbord (geschreven in de taal van de eerste start)
welcome-board-title = Welkom bij Moodboard
welcome-board-description = Een rondleiding: elk soort idee, per thema. Verander wat je wilt — dit bord is van jou.
welcome-goal-collect = Eerst verzamelen, later oordelen: elk idee krijgt een plek
welcome-goal-outside = Haal perspectieven van buiten het team binnen
welcome-theme-start = Begin hier
welcome-theme-kinds = Elk soort idee
welcome-theme-calm = Trage ochtenden
welcome-note-add = Voeg een idee toe: N notitie, Q citaat, L link, C kleur, I afbeeldingen. Of sleep bestanden, of plak.
welcome-note-sort = Sleep een kaart in het kader van een thema om hem in te delen. Dubbelklik op een kaart om de tekst te bewerken.
welcome-note-undo = Ctrl+Z maakt alles ongedaan. Het bord slaat zichzelf op; de balk onderaan zegt het.
welcome-quote = De gevaarlijkste zin is: zo hebben we het altijd gedaan.
welcome-link-url = https://nl.wikipedia.org/wiki/Lateraal_denken
welcome-link-title = Lateraal denken: uitwegen uit het koedenken
welcome-colour-ignition = Ontsteking
welcome-sketch-caption = Teken het: druk op K voor een nieuwe schets, of dubbelklik op deze
welcome-heading = Koppen benoemen delen van het bord (H)
welcome-colour-coffee = Koffie
welcome-note-unsorted = Ideeën buiten de kaders zijn ongesorteerd en wachten op een plek.

## Welkomstafbeeldingen
welcome-caption-rocket = Lancering van een Falcon 9 — publiek domein (SpaceX)
welcome-caption-cat = Chelsea de kat — CC0 (Stefan van der Walt)
welcome-caption-coffee = Koffie — CC0 (Rachel Michetti)

## Ongedaan maken en opnieuw doen
actions-undid = Ongedaan gemaakt: { $step }
actions-undo-failed = Ongedaan maken lukte niet: { $reason }
actions-redid = Opnieuw gedaan: { $step }
actions-redo-failed = Opnieuw doen lukte niet: { $reason }

## Velden van ideeën (het formulier, de inspector, de opdrachtregel en de deelnamepagina)
field-too-long = { $field } bevat hoogstens { $max } tekens; dit zijn er { $count }.
field-unknown = Een { $kind } heeft geen veld dat { $field } heet.

## Problemen die een bordbestand kan hebben (bewaard of hersteld bij het openen)
problem-not-a-colour = { $hex } is geen #RRGGBB-kleur; getoond als plaatshouder
problem-not-an-image-size = { $w } × { $h } pixels is geen afmeting van een afbeelding
problem-not-a-crop = x { $x }, y { $y }, w { $w }, h { $h } is geen deel van de afbeelding; de hele afbeelding wordt getoond
problem-not-a-turn = { $quarters } kwartslagen is geen draai van 0 tot 3; de rest na delen door 4 wordt gebruikt
problem-sketch-area = het tekenvlak is geen maat van 1 tot 4.000 eenheden; het gewone vlak wordt gebruikt
problem-sketch-points = { $count ->
    [one] een punt dat geen getal is, is weggelaten
   *[other] { $count } punten die geen getal zijn, zijn weggelaten
}
problem-sketch-empty = { $count ->
    [one] een lijn zonder punten is weggelaten
   *[other] { $count } lijnen zonder punten zijn weggelaten
}
problem-sketch-long = { $count ->
    [one] een lijn van meer dan 2.000 punten is daar afgebroken
   *[other] { $count } lijnen van meer dan 2.000 punten zijn daar afgebroken
}
problem-sketch-many = { $count ->
    [one] een lijn voorbij de grenzen van een schets (1.000 lijnen, 100.000 punten) is weggelaten
   *[other] { $count } lijnen voorbij de grenzen van een schets (1.000 lijnen, 100.000 punten) zijn weggelaten
}
problem-sketch-style = { $count ->
    [one] een dikte of kleur buiten het bereik is hersteld
   *[other] { $count } diktes of kleuren buiten het bereik zijn hersteld
}

## moodboard add: één optie per soort idee
cli-add-note = Een notitie: de ingeving, in je eigen woorden
cli-add-quote = Een citaat: iets wat iemand zei of schreef
cli-add-by = Wie het citaat zei
cli-add-link = Een link naar een webpagina. De pagina wordt één keer opgehaald voor een voorbeeld (titel, beschrijving, sitenaam en afbeelding), tenzij --offline is gegeven
cli-add-title = De titel van de link, in plaats van die van de pagina
cli-add-colour = Een kleurstaal, als hex (#E4B363)
cli-add-heading = Een kop: woorden direct op het canvas, om een deel van het bord te benoemen
cli-add-image = Afbeeldingsbestanden of http(s)-adressen van afbeeldingen (JPEG, PNG, GIF, WebP, BMP, TIFF of SVG), één of meer; elk wordt naar de bestanden van het bord gekopieerd (of gedownload)

## Fouten, problemen en redenen: wat er misging, als gegevens gezegd door elk fouttype (i18n::Said)
reason-assets-symlink = de map met bestanden is een symbolische koppeling, die buiten de map van het bord kan leiden
reason-assets-is-a-file = dit zou een map moeten zijn maar is een bestand
action-read-assets-folder = de map met bestanden lezen
reason-image-symlink = de afbeelding is een symbolische koppeling, die buiten de map van het bord kan leiden
reason-image-not-a-file = dit zou een afbeeldingsbestand moeten zijn maar is geen bestand
action-read-image = de afbeelding lezen
reason-not-an-image-extension = geen extensie van een afbeelding die een bord kan bevatten
action-create-assets-folder = de map met bestanden aanmaken
action-create-boards-folder = de map met borden aanmaken
action-open = openen
action-read = lezen
action-look-at-file = kan het bestand niet bekijken
action-create-temporary = kan geen tijdelijk bestand in de map aanmaken
action-write-new-version = kan de nieuwe versie niet schrijven
action-flush-new-version = kan de nieuwe versie niet naar de schijf wegschrijven
action-create-backup = kan de reservekopie niet aanmaken
action-read-previous = kan de vorige versie voor de reservekopie niet lezen
action-write-backup = kan de reservekopie niet schrijven
action-replace-backup = kan de reservekopie niet vervangen
action-replace-file = kan het bestand niet vervangen
action-follow-link = kan het bestand waar deze koppeling naar leidt niet vinden
reason-lock-symlink = het is een symbolische koppeling
reason-lock-not-a-folder = het is geen map
reason-lock-not-a-file = het is geen gewoon bestand
reason-lock-other-user = het is van een andere gebruiker
action-create-config-folder = kan de map met instellingen niet aanmaken
action-create-images-folder = kan de map met afbeeldingen niet aanmaken
error-load-io = { $path }: kan niet lezen: { $reason }
error-load-not-a-file = { $path }: dit is { $what }, geen bordbestand
error-load-empty = { $path }: het bestand is leeg; een bord begint met `(` gevolgd door `version: 1`
error-load-too-large = { $path }: het bestand is { $size } bytes; borden groter dan { $limit } bytes worden geweigerd
error-load-binary = { $path }: dit is een binair bestand, geen Moodboard-bord (byte { $offset } is { $byte })
error-load-not-utf8 = { $path }:{ $line }:{ $column }: het bestand is geen geldige UTF-8-tekst
error-load-syntax = { $path }:{ $line }:{ $column }: { $message }
error-load-newer = { $path }: dit bord is geschreven door een nieuwere Moodboard (formaatversie { $found }); deze versie leest tot formaatversie { $supported }. Werk Moodboard bij om het te openen.
error-load-unknown-version = { $path }: formaatversie { $found } bestaat niet; versies beginnen bij 1
error-save-no-folder = { $path }: kan niet bewaren: de map { $folder } bestaat niet
error-save-io = { $path }: kan niet bewaren, het bestand is ongewijzigd: { $action }: { $reason }
field-not-an-address = “{ $text }” is geen webadres: geef er een zoals https://example.com
error-save-exists = { $path }: er is al een bord met deze naam, en dat is gelaten zoals het was; open het, of kies een andere naam
error-save-read-only = { $path }: het bestand is alleen-lezen (beveiligd tegen schrijven) en is dus niet gewijzigd; maak het schrijfbaar, of bewaar een kopie onder een andere naam
error-save-not-a-file = { $path }: dit is { $what }, geen bestand, en is dus niet vervangen
error-save-serialize = { $path }: kan niet bewaren: het bord kon niet als RON geschreven worden: { $message }
error-save-too-large = { $path }: niet bewaard, het bestand is ongewijzigd: het bord zou { $size } bytes worden, en borden groter dan { $limit } bytes kunnen niet geopend worden; verplaats eerst wat ideeën naar een ander bord
error-with-path = { $path }: { $reason }
error-lock-busy = een ander Moodboard-proces hield dit bord { $seconds } seconden bezet; probeer het opnieuw
error-lock-io = kan het slotbestand { $path } niet aanmaken: { $reason }
error-lock-unsafe = het slot { $path } wordt niet gebruikt: { $reason }; verwijder het en probeer het opnieuw
error-asset-io = { $path }: kan niet { $action }: { $reason }
error-asset-refused = { $path }: geweigerd: { $reason }
error-asset-not-a-file = { $path }: dit is { $what }, geen bestand; alleen gewone bestanden worden gelezen
error-asset-missing = { $path }: het afbeeldingsbestand ontbreekt
error-asset-hash = { $path }: de inhoud van het bestand past niet bij de naam (beschadigd of afgebroken)
error-asset-too-large = { $path }: { $size } bytes is groter dan de grens van { $limit } bytes voor afbeeldingen
error-open-io = kan niet openen: { $reason }
error-open-not-a-file = dit is { $what }, geen bestand; alleen gewone bestanden worden gelezen
file-kind-folder = een map
file-kind-fifo = een named pipe (FIFO)
file-kind-socket = een socket
file-kind-device = een apparaat
file-kind-other = geen gewoon bestand
io-not-found = bestand of map bestaat niet
io-permission-denied = geen toestemming
io-already-exists = het bestaat al
io-disk-full = de schijf is vol
io-read-only-filesystem = de schijf is alleen-lezen
io-is-a-folder = het is een map
io-not-a-folder = een deel van het pad is geen map
io-timed-out = het duurde te lang
io-file-too-large = het bestand is te groot voor de schijf
io-cut-short = het bestand houdt te vroeg op
io-other = { $text }
error-edit-no-such-item = de kaart { $id } staat niet meer op het bord (hier of in een andere kopie verwijderd)
error-edit-no-such-theme = er is geen thema { $id }
error-edit-duplicate-item = er bestaat al een item met id { $id }
error-edit-duplicate-theme = er bestaat al een thema met id { $id }
error-edit-no-such-dot = er is geen stip { $id }
error-edit-duplicate-dot = er bestaat al een stip met id { $id }
error-edit-no-such-response = er is geen reactie { $id }
error-edit-duplicate-response = er bestaat al een reactie met id { $id }
error-doc-read-only = het bestand van dit bord is alleen-lezen (beveiligd tegen schrijven) en kan hier dus niet gewijzigd worden; gebruik Opslaan als… voor een kopie die je kunt bewerken
error-image-not-an-image = geen afbeeldingsbestand (Moodboard leest JPEG, PNG, GIF, WebP, BMP, TIFF en SVG)
error-image-unsupported = { $format }-bestanden worden niet ondersteund (Moodboard leest JPEG, PNG, GIF, WebP, BMP, TIFF en SVG)
error-image-too-large = { $w } × { $h } pixels is te groot (hoogstens { $side } pixels per zijde en { $megapixels } megapixels)
error-image-over-limits = de afbeelding is te groot om veilig te openen (hoogstens { $side } pixels per zijde en { $megapixels } megapixels)
error-image-damaged = de gegevens van de afbeelding zijn beschadigd: { $detail }
import-cancelled = geannuleerd
import-pasted-failed = de geplakte afbeelding: { $reason }
import-crashed = { $name }: het importeren stopte onverwacht (een fout in Moodboard)
import-note-too-long = { $kib } KiB is te lang voor een notitie (hoogstens { $max } KiB)
import-note-not-utf8 = geen UTF-8-tekst, dus het kan geen notitie worden
import-pasted-wrong-size = het heeft het verkeerde aantal pixels
import-pasted-not-encoded = kan het niet coderen: { $detail }
web-bad-address = { $address } is geen webadres
web-scheme = alleen http- en https-adressen worden opgehaald, geen { $scheme }:-adressen
web-credentials = het adres bevat een gebruikersnaam of wachtwoord, en die stuurt Moodboard nooit mee
web-redirect-scheme = doorgestuurd naar een { $scheme }:-adres, dat niet gevolgd wordt
web-redirect-credentials = doorgestuurd naar een adres met een gebruikersnaam of wachtwoord, dat niet gevolgd wordt
web-too-many-redirects = meer dan { $count } keer doorgestuurd
web-redirect-nowhere = de server stuurde door zonder te zeggen waarheen
web-status = de server antwoordde { $status }
web-host-not-found = er is geen server gevonden voor { $host }
web-connect = kon geen verbinding maken met { $host }: { $reason }
web-refused = de verbinding werd geweigerd
web-connect-timeout = opgegeven na { $seconds } s zonder antwoord
web-timeout = duurde langer dan { $seconds } s
web-too-large = de server bleef meer sturen dan { $mb } MB
web-announced = de server zei { $mb } MB te sturen, meer dan de { $max } MB die een afbeelding mag zijn
web-not-an-image = het adres gaf { $what }, geen afbeelding
web-broken = de verbinding brak af: { $detail }
web-tls = de beveiligde verbinding mislukte: { $detail }
web-not-public = { $host } ligt op { $address }, op deze computer of een privénetwerk; een server mag alleen naar openbare adressen leiden of terug naar het adres dat je intypte
web-no-preview = geen voorbeeld: { $reason }
web-no-preview-picture = geen voorbeeldafbeelding: { $reason }
web-no-title = geen voorbeeld: de pagina geeft geen titel
pack-not-a-zip = { $path }: geen pakket (zip-bestand): { $detail }
pack-entry-refused = { $path }: onderdeel { $entry } geweigerd: { $reason }; er is niets uitgepakt
pack-invalid = { $path }: { $reason }; er is niets uitgepakt
pack-not-written = het bord kon niet als RON geschreven worden: { $detail }
pack-board-not-utf8 = het bordbestand erin is geen UTF-8-tekst
pack-cannot-create = kan { $path } niet aanmaken: { $reason }
pack-entry-altered = de inhoud past niet bij de naam (beschadigd of veranderd)
pack-duplicate-names = twee onderdelen hebben dezelfde naam; een pakket noemt elk bestand één keer
pack-too-many-entries = het heeft { $count } onderdelen; een pakket bevat er hoogstens { $max }
pack-name-not-utf8 = de naam is geen UTF-8
pack-entry-link = het is een koppeling; pakketten bevatten alleen gewone bestanden
pack-entry-bomb = het groeit van { $packed } naar { $size } bytes (een zipbom?)
pack-too-big = het pakket zou uitpakken tot meer dan 4 GiB
pack-entry-folder = pakketten bevatten geen mappen behalve NAAM.assets/
pack-board-too-large = het bordbestand is groter dan 64 MiB
pack-two-boards = een pakket bevat één bord
pack-entry-stray = geen bordbestand en geen afbeelding in NAAM.assets/
pack-image-too-large = de afbeelding is groter dan 256 MiB
pack-no-board = het bevat geen NAAM{ $suffix }-bestand
pack-board-no-name = het bord heeft geen naam
pack-images-elsewhere = afbeeldingen horen in { $folder }/
pack-name-empty = het heeft geen naam
pack-name-absolute = het is een absoluut pad
pack-name-backslash = het bevat een backslash
pack-name-colon = het bevat een dubbele punt (een stationsletter of streamnaam)
pack-name-control = het bevat stuurtekens
pack-name-dots = het bevat een leeg deel, of een deel '.' of '..'
pack-entry-unreadable = kan niet gelezen worden: { $reason }
pack-entry-longer = het bevat meer dan de kop zegt
plain = { $text }
clip-too-large = de kaarten op het klembord zijn te groot om te plakken ({ $size } bytes; hoogstens { $limit })
clip-newer = de kaarten op het klembord komen uit een nieuwere Moodboard (formaatversie { $found }; deze leest tot { $supported })
clip-damaged = de kaarten op het klembord zijn beschadigd: regel { $line }, kolom { $column }: { $message }
canvas-not-json-canvas = { $path }:{ $line }:{ $column }: geen JSON Canvas-bestand: { $message }
canvas-too-large = groter dan 64 MiB
canvas-too-many-nodes = { $count } knopen; hoogstens { $max } worden geïmporteerd
export-no-such-theme = er is geen thema { $name } op dit bord
png-empty = het bord heeft niets om te tekenen
png-not-encoded = kan de afbeelding niet coderen: { $detail }
keyboard-enter-frame = In het kader “{ $frame }”
keyboard-no-frame = Buiten de kaders
pdf-not-written = kan de PDF niet maken: { $detail }

## De PDF-samenvatting
pdf-untitled = Bord zonder titel
pdf-recap = Samenvatting
pdf-page = { $title } · pagina { $page } van { $pages }
pdf-no-frame = Niet in een kader
pdf-counts = { $ideas ->
        [one] 1 idee
       *[other] { $ideas } ideeën
    } in { $frames ->
        [0] geen kaders
        [one] 1 kader
       *[other] { $frames } kaders
    }
pdf-goals = Doelen
pdf-outcome = Uitkomst
pdf-no-session = Er is nog geen sessie gehouden op dit bord: geen stippen of reacties om te melden.
pdf-most-dots = De meeste stippen:
pdf-idea-dots = { $idea } — { $count ->
        [one] 1 stip
       *[other] { $count } stippen
    }
pdf-totals-hidden = De stemmen zijn nog niet onthuld.
pdf-reactions = Reacties: { $reactions }
pdf-answered = { $answered } van de { $ideas ->
        [one] 1 idee
       *[other] { $ideas } ideeën
    } kregen een reactie of antwoord
pdf-contributors = Wie ideeën bracht
pdf-someone = iemand
pdf-contents = Kaders
pdf-contents-line = { $frame } — { $ideas ->
        [one] 1 idee
       *[other] { $ideas } ideeën
    }, pagina { $page }
pdf-frame-ideas = { $count ->
        [one] 1 idee
       *[other] { $count } ideeën
    }
host-cannot-listen = kan niet luisteren op { $addr }: { $reason }
host-cannot-start = kan de server niet starten: { $reason }
save-crashed = { $path }: het bewaren stopte onverwacht (een fout in Moodboard); het bestand is ongewijzigd
save-merge-failed = { $path }: het bestand is elders veranderd en die wijzigingen konden niet worden samengevoegd ({ $reason }); het bestand is ongewijzigd
job-failed = { $what }: { $reason }
job-crashed-said = { $what } stopte onverwacht (een fout in Moodboard); er is niets veranderd
sync-not-moved = samengevoegd, maar niet verplaatst: { $reason }
sync-another-board = het is een ander bord (id { $id }), geen kopie van dit bord; het blijft staan
host-stopped-unexpectedly = de deelnameserver stopte onverwacht
host-kept-for-later = { $count ->
    [one] 1 idee van de deelnamepagina kon niet in het bord geschreven worden ({ $why }); het bord met dat idee staat in { $path }: voeg dat samen met het bord zodra er weer geschreven kan worden
   *[other] { $count } ideeën van de deelnamepagina konden niet in het bord geschreven worden ({ $why }); het bord met die ideeën staat in { $path }: voeg dat samen met het bord zodra er weer geschreven kan worden
}
host-lost-at-stop = { $count ->
    [one] 1 idee van de deelnamepagina kon nergens geschreven worden: { $why }
   *[other] { $count } ideeën van de deelnamepagina konden nergens geschreven worden: { $why }
}
problem-line = { $subject }, veld `{ $field }`: { $message }
problem-item = item #{ $n } (id { $id }, { $kind })
problem-theme = thema “{ $name }”
problem-theme-at = thema “{ $name }” (#{ $n })
problem-board = bord
problem-session = sessie
problem-vote = stip #{ $n }
problem-response = reactie #{ $n }
problem-any = item, thema, stip of reactie { $id }
problem-image = afbeelding { $asset } (item { $id })
problem-id-twice = id { $old } komt twee keer voor; deze heeft nu id { $fresh }
problem-copy-twice = staat twee keer in het bestand, beide keren hetzelfde; één keer bewaard
problem-theme-colour = { $colour } is geen #RRGGBB-kleur; getoond in grijs
problem-position = ({ $x }, { $y }) is geen bruikbare plek; verplaatst naar ({ $to_x }, { $to_y })
problem-size = { $w } × { $h } is geen bruikbare grootte; nu { $to_w } × { $to_h }
problem-no-theme = er is geen thema { $theme }; het item is nu niet ingedeeld
problem-alive-and-deleted = staat op het bord en is ook als verwijderd gemarkeerd; op het bord gehouden
problem-frame = is geen rechthoek op het bord; het gaat nu om zijn kaarten heen
problem-frames-tidied = { $why }; kaders en kaarten zijn opgeruimd
problem-reply-long = een antwoord van { $count } tekens is ingekort tot { $max }
problem-dots = { $count } stippen per persoon is meer dan { $max }; op { $max } gezet
problem-timer = een timer van { $secs } seconden valt buiten het bereik; gestopt en op { $set } gezet
problem-assets-missing = de map met bestanden { $folder } ontbreekt; { $count ->
        [one] de afbeelding wordt als plaatshouder getoond
       *[other] de { $count } afbeeldingen worden als plaatshouder getoond
    }
problem-asset = { $reason }; getoond als plaatshouder
refused-change-other-board = hun versie van { $what }: een ander bord mag ideeën toevoegen, niet de onze wijzigen
refused-deletion-other-board = hun verwijdering van { $what }: een ander bord mag ideeën toevoegen, niet de onze weghalen
refused-revival-other-board = { $what }, dat hier verwijderd is: een ander bord kan het niet terugbrengen
refused-change-future = een wijziging van { $what } met datum { $at }, { $ahead } voor op de klok van deze computer: als het vandaag { $today } is, staat de datum van de computer waarop het gemaakt is verkeerd; zo niet, dan staat de datum van deze computer verkeerd
refused-deletion-future = de verwijdering van { $what } met datum { $at }, { $ahead } voor op de klok van deze computer: als het vandaag { $today } is, staat de datum van de computer waarop het gemaakt is verkeerd; zo niet, dan staat de datum van deze computer verkeerd
refused-new-future = { $what }, nieuw, met datum { $at }, { $ahead } voor op de klok van deze computer: als het vandaag { $today } is, staat de datum van de computer waarop het gemaakt is verkeerd; zo niet, dan staat de datum van deze computer verkeerd
refused-change-unconfirmed = hun versie van { $what }: niet overgenomen zonder jouw akkoord
refused-deletion-unconfirmed = hun verwijdering van { $what }: niet overgenomen zonder jouw akkoord
refused-revival-unconfirmed = { $what }, dat hier verwijderd is: niet teruggebracht zonder jouw akkoord
refused-id-of-another-kind = hun { $what }: het heeft hier de id van { $ours }, en een id hoort bij één ding
merge-what-unknown = iets dat dit bord niet heeft (id { $id })
ahead-days = { $count ->
    [one] één dag
   *[other] { $count } dagen
}
ahead-months = { $count } maanden
ahead-years = { $count ->
    [one] een jaar
   *[other] { $count } jaar
}
merge-copy-asks = Dit is een kopie van dit bord, en naast nieuwe ideeën wijzigt of verwijdert het wat hier staat (hieronder). Neem alles alleen over als je vertrouwt waar het vandaan komt; neem anders alleen de nieuwe ideeën.
merge-everything = Alles samenvoegen
merge-new-only = Alleen nieuwe ideeën
merge-what-item = { $kind } “{ $summary }”
merge-what-theme = thema “{ $name }”
merge-what-dot = een stip van { $by }
merge-what-reply = een antwoord van { $by }
merge-what-reaction = een reactie van { $by }
merge-what-meta = de titel, beschrijving en doelen van het bord
merge-what-session = de stap en instellingen van de sessie
merge-line-added = { $kind }: { $summary } (nieuw uit { $from }, toegevoegd door { $who })
merge-line-added-from = { $kind }: { $summary } (nieuw uit { $from }, toegevoegd door { $who }, { $source })
merge-line-moved = { $kind }: { $summary } (verplaatst, van grootte veranderd of anders ingedeeld)
merge-line-changed = { $kind }: { $summary } (gewijzigd)
merge-line-removed = { $what }
merge-line-removed-by = { $what } (verwijderd door { $by })
suggest-reason-word = het woord “{ $word }”
suggest-reason-tag = tag #{ $tag }

## De deelnamepagina (de pagina van de deelnameserver op telefoons)
page-title = Moodboard: doe mee met de sessie
page-goals = Doelen
page-join-heading = Doe mee met de sessie
page-name = Je naam (mag leeg blijven)
page-name-hint = bijv. Ann
page-join = Meedoen
page-your-idea = Jouw idee
page-kind = Soort idee
page-theme = Thema
page-no-theme = Geen thema
page-anonymous = Anoniem toevoegen (nergens een naam)
page-add = Toevoegen
page-photo = 📷 Foto
page-sketch = ✏ Schets
page-sketch-paper = Tekenpapier: teken met een vinger
page-sketch-inks = Inkt
page-sketch-undo = Lijn terugnemen
page-sketch-send = Schets versturen
page-photo-label = Foto toevoegen
page-ideas = Ideeën
page-language = Taal
page-connecting = Verbinden…
page-your-ideas = Jouw ideeën
page-private-note = Privé verzamelen: niemand ziet de ideeën van een ander tot de volgende stap.
page-give-dot = ● Geef een stip
page-give-dot-to = Geef een stip aan: { $name }
page-take-dot = Stip terugnemen
page-take-dot-from = Stip terugnemen van: { $name }
page-no-dots-left = Geen stippen meer: neem er een terug om hem te verplaatsen.
page-not-now = Niet in deze stap.
page-reply = Reageer
page-reply-to = Reageer op: { $name }
page-reply-send = Stuur reactie op: { $name }
page-reply-hint = Ja, en…
page-said-by = gezegd door { $by }
page-from = van { $who }
page-yours = van jou
page-added = Toegevoegd. Volgende?
page-photo-added = Foto toegevoegd.
page-sketch-sent = Schets toegevoegd.
page-sketch-empty = Teken eerst iets.
page-sketch-full = Deze schets is vol: verstuur hem en begin een nieuwe.
page-offline = Geen verbinding; opnieuw proberen…
page-ended = De sessie is afgelopen. Dank je! Wat je zag blijft op deze pagina staan.
page-step = Stap: { $step }
page-time-left = nog { $time }
page-picture = afbeelding
page-colour = kleur { $name }
page-locked = 🔒 Vastgezet door de facilitator
page-theme-locked = { $theme } (🔒 vastgezet)
page-full = Het bord is vol: deze sessie neemt geen ideeën meer aan.
page-dots-left = { $count ->
    [one] nog 1 stip (tik op een idee om het een stip te geven)
   *[other] nog { $count } stippen (tik op een idee om het een stip te geven)
}
page-dots = { $count ->
    [one] 1 stip
   *[other] { $count } stippen
}

## Over
about-version = Versie { $version }
about-what = Een moodboard voor teams: verzamel eerst foto's, citaten, links, notities en kleuren, en oordeel pas later. Elk bord is een gewoon tekstbestand (RON) dat van jou is; stuur het op, voeg het samen, bewaar het in git.
about-files = Borden worden geschreven in bestandsformaat versie { $version }, beschreven in docs/FORMAT.md van de broncode van Moodboard.
about-boards = Nieuwe borden komen in { $folder }.
about-licence = Licentie: { $licence }

## Opdrachtregel (wat `moodboard` zegt: in de taal van de omgeving, LANG en verwanten)
cli-created = { $path } “{ $title }” gemaakt met { $goals ->
        [0] geen doelen
        [one] 1 doel
       *[other] { $goals } doelen
    } (bestandsformaat versie { $version })
cli-packed = { $board } ingepakt met { $images ->
        [0] geen afbeeldingen
        [one] 1 afbeelding
       *[other] { $images } afbeeldingen
    } in { $target }
cli-imported = { $file } geïmporteerd: { $items ->
        [one] 1 idee
       *[other] { $items } ideeën
    }, { $themes ->
        [0] geen nieuwe thema's
        [one] 1 nieuw thema
       *[other] { $themes } nieuwe thema's
    }{ $connectors ->
        [0] {""}
        [one] , 1 verbinding
       *[other] , { $connectors } verbindingen
    }
cli-arranged = { $frames ->
        [0] geen kaders
        [one] 1 kader
       *[other] { $frames } kaders
    } geordend en { $moved ->
        [one] 1 kaart
       *[other] { $moved } kaarten
    } verplaatst; het bord is nu { $width } × { $height }
cli-host-stopped = gestopt: { $joined ->
        [one] 1 persoon
       *[other] { $joined } personen
    } deden mee, { $ideas ->
        [one] 1 idee
       *[other] { $ideas } ideeën
    } toegevoegd; alles is bewaard in { $path }
cli-check-ok = in orde: { $path } — “{ $title }”, { $items ->
        [one] 1 idee
       *[other] { $items } ideeën
    }, { $themes ->
        [one] 1 thema
       *[other] { $themes } thema's
    }, { $images ->
        [one] 1 afbeelding
       *[other] { $images } afbeeldingen
    } gecontroleerd
cli-check-problems = { $path }: { $count ->
        [one] 1 probleem
       *[other] { $count } problemen
    } gevonden
cli-sync-failed = { $count ->
        [one] 1 conflictkopie kon
       *[other] { $count } conflictkopieën konden
    } niet worden samengevoegd

cli-error = fout: { $text }
cli-warning = waarschuwing: { $text }
cli-note = let op: { $text }
cli-internal-error = interne fout (een fout in Moodboard); er is niets opgeslagen
cli-see-help = { $error } (zie `moodboard --help`)
cli-mistyped = `{ $word }` is geen opdracht, en hier staat geen bord met die naam; begin er een met `moodboard new { $word }` (zie `moodboard --help`)
cli-mistyped-near = `{ $word }` is geen opdracht (bedoel je `moodboard { $command }`?), en hier staat geen bord met die naam; begin er een met `moodboard new { $word }` (zie `moodboard --help`)
cli-empty-title = de titel is leeg
cli-empty-goal = een doel is leeg
cli-empty-contributor = de inbrenger (--as) is leeg
cli-empty-source = de bron is leeg
cli-empty-match = de tekst om op te zoeken is leeg
cli-no-such-board = { $path }: dit bord bestaat niet; maak het met `moodboard new { $path }`
cli-many-goals = { $count } doelen gegeven; een bord werkt het best met één of twee
cli-serving = { $path } wordt gedeeld tot Ctrl+C (of SIGTERM)
cli-host-not-saved = { $path }: de laatste ideeën konden niet worden opgeslagen: { $reason }
cli-session = stap: { $step } · privé verzamelen: { $private } · inbrengers verbergen: { $hide } · stippen: { $dots } · totalen getoond: { $revealed }
cli-no-item-matches = geen idee op { $path } bevat “{ $text }”; niets verwijderd
cli-no-such-item = { $path }: er is geen idee “{ $id }”; niets verwijderd (zie `moodboard show --ids`)
cli-item-locked = idee { $id } ({ $summary }) zit vast; maak het eerst los in de app. Niets verwijderd
cli-removed = { $kind } { $id } verwijderd: { $summary }
cli-ideas = { $count ->
        [one] 1 idee
       *[other] { $count } ideeën
    }
cli-lens-source = bron { $name }: { $percent }% ({ $count })
cli-lens-contributors-hidden = inbrengers: verborgen tijdens deze sessie
cli-lens-contributor = inbrenger { $name }: { $percent }% ({ $count })
cli-lens-theme = thema { $name }: { $percent }% ({ $count })
cli-lens-outside-in = van buiten: { $percent }%
cli-lens-look-next = kijk verder: { $text }
cli-downloading = { $source } wordt gedownload …
cli-added = { $kind } { $id } toegevoegd aan { $path }
cli-added-in-theme = { $kind } { $id } toegevoegd aan { $path } in thema “{ $theme }”
cli-added-in-new-theme = { $kind } { $id } toegevoegd aan { $path } in nieuw thema “{ $theme }”
cli-not-added = niet toegevoegd: { $reason }
cli-nothing-added = niets toegevoegd aan { $path }
cli-some-not-added = { $refused } van { $total } afbeeldingen niet toegevoegd aan { $path } (de andere wel)
cli-decoder-stopped = { $source }: de afbeelding kon niet worden gelezen (het decoderen stopte)
cli-import-stopped = het importeren stopte onverwacht (een fout in Moodboard)
cli-offline-not-downloaded = { $source }: niet gedownload (--offline)
cli-not-web-address = “{ $url }” is geen webadres; toegevoegd zonder voorbeeld
cli-no-cache-folder = dit systeem heeft geen cachemap; zet MOODBOARD_CACHE_DIR
cli-reading-boards = Borden lezen: { $done } van { $total }
cli-cannot-be-read = onleesbaar: { $problem }
cli-no-such-kind = er is geen soort “{ $name }”; de soorten zijn { $kinds }
cli-not-a-day = --since “{ $day }” is geen dag: geef hem als JJJJ-MM-DD, zoals 2026-05-01
cli-nothing-to-search = niets om te zoeken: geef woorden, of --kind, --tag, --by of --since
cli-nothing-found = Niets gevonden.
cli-live-offline = de app staat op offline werken (Voorkeuren): een live bord heeft verbindingen nodig; zet dat eerst uit
cli-bad-relay = --relay { $url }: { $reason }
cli-no-editor-ticket = deze kopie mag geen bewerkers binnenlaten
cli-no-guest-ticket = deze kopie mag geen gasten binnenlaten
cli-live-sharing-editors = { $path } gedeeld met een ticket voor bewerkers
cli-live-sharing-guests = { $path } gedeeld met een ticket voor gasten
cli-live-in-step = de kopie wordt gelijk gehouden
cli-live-keeping = { $path } blijft beschikbaar
cli-live-running = live: { $doing }, via { $relay }, tot Ctrl+C
cli-ticket-refused = de kopie waarbij deze aansloot weigert het ticket; vraag om een nieuw
cli-merged-branch = moodboard: het bord van de andere branch is samengevoegd: { $summary }
cli-merge-driver-not-applied = moodboard: niet toegepast: { $refusal }
cli-not-applied = niet toegepast: { $refusal }
cli-merge-target-exists = { $target }: bestaat al; voeg erin samen met `moodboard merge { $target } { $other }`
cli-merged = { $other } samengevoegd in { $target }: { $summary }
cli-would-merge = { $other } zou worden samengevoegd in { $target }: { $summary }
cli-merge-another-board = (een ander bord: dat mag alleen ideeën toevoegen; niets van dit bord wordt veranderd of verwijderd)
cli-merge-copy-hint = (een kopie van dit bord: alleen de nieuwe ideeën zijn overgenomen; vertrouw je waar hij vandaan komt, draai dan opnieuw met --accept-deletions om ook de verwijderingen en wijzigingen over te nemen)
cli-dry-run = proefdraai: er is niets geschreven
cli-no-conflict-copies = geen conflictkopieën van { $path } gevonden
cli-sync-merged = { $copy } samengevoegd: { $summary }; verplaatst naar { $to }
cli-image-left-out = afbeelding { $name } ontbreekt en is weggelaten
cli-unpacked = { $pack } uitgepakt naar { $board }
cli-exported = { $board } geëxporteerd als { $format } naar { $target }
cli-nothing-imported = er is niets toegevoegd aan { $path }
cli-added-as-note = { $what }; in plaats daarvan als notitie toegevoegd
cli-left-out = { $what }; weggelaten
cli-show-no-goals = Doelen: nog geen
cli-show-items = { $count ->
        [0] geen ideeën
        [one] 1 idee
       *[other] { $count } ideeën
    }
cli-show-session = Sessie

## Exports in de gekozen taal (HTML, Markdown, PNG; de regels van het verslag die `moodboard show` ook toont)
recap-goals = Doelen
recap-session = Sessieverslag
recap-contributors = Inbrengers: { $list }
recap-dots = { $count ->
        [one] 1 stip
       *[other] { $count } stippen
    }
recap-idea-dots = { $idea } ({ $count ->
        [one] 1 stip
       *[other] { $count } stippen
    })
recap-most-dots = Meeste stippen: { $list }
recap-not-revealed = De stemtotalen zijn nog niet getoond.
recap-answered = { $answered } van { $ideas ->
        [one] 1 idee
       *[other] { $ideas } ideeën
    } beantwoord met een reactie of antwoord
recap-the-frame = het kader “{ $name }”
recap-image = Afbeelding: { $name }
recap-sketch = Schets ({ $count ->
        [one] 1 lijn
       *[other] { $count } lijnen
    })
recap-colour = Kleur { $hex } { $name }
recap-source = bron

## Live borden (Live delen…, Live meedoen…)
cmd-share-live = Live delen…
cmd-share-live-help = Samen met teamgenoten aan dit bord werken, ieder op de eigen computer: een ticket om te geven, geen server, geen account
cmd-join-live = Live meedoen…
cmd-join-live-help = Plak het live-ticket van een teamgenoot: een kopie van hun bord in je bordenmap, die gelijk blijft lopen
live-title = Live delen
live-explain = Geef dit ticket aan een teamgenoot: met Live meedoen… in het menu Bestand krijgt die een eigen kopie van het bord, en elke wijziging gaat beide kanten op zolang jullie allebei online zijn.
live-ticket-for = Ticket voor
live-editor = een bewerker
live-editor-help = Voegt toe, wijzigt en verwijdert, net als jij
live-guest = een gast
live-guest-help = Ziet alles en mag alleen ideeën toevoegen
live-ticket-label = Het live-ticket: { $ticket }
live-copy = Ticket kopiëren
live-copy-help = Kopieer het ticket om in een mail of chat te plakken
live-copied = Ticket gekopieerd.
live-nobody = Er is nog niemand anders.
live-who = { $count ->
        [one] Hier: { $names }
       *[other] { $count } hier: { $names }
    }
live-relay = Verbindingen: rechtstreeks waar het kan, anders via { $relay }.
live-log = Wat er gebeurde
live-new-ticket = Nieuw ticket
live-new-ticket-help = Nieuwe geheimen: elk eerder gegeven ticket werkt niet meer
live-stop = Stoppen met delen
live-stop-help = Sluit elke verbinding; je bord blijft zoals het is
live-starting = Live gaan…
live-here = { $count ->
        [0] Live · alleen jij
        [one] Live · 1 hier
       *[other] Live · { $count } hier
    }
live-offline-trying = Live · offline, probeert opnieuw
live-status-help = Wie er is, het ticket, Stoppen met delen
live-status-label = Live bord: { $status }
live-join-title = Live meedoen aan een bord
live-join-explain = Plak het ticket dat een teamgenoot je gaf. Je kopie komt in je bordenmap en blijft gelijk lopen zolang jullie allebei online zijn.
live-join-hint = moodboard-live:…
live-join-field = Live-ticket
live-join = Meedoen
live-joining = Meedoen…
live-offline = Moodboard staat op offline werken (Offline werken, in het menu Toevoegen): een live bord heeft verbindingen nodig.
live-read-only = Dit bord is hier alleen-lezen, dus wijzigingen van teamgenoten kunnen niet worden opgeslagen.
live-start-failed = Live gaan is niet gelukt
live-join-failed = Live meedoen is niet gelukt
live-stopped = Gestopt met live delen; het bord blijft zoals het is.
live-joined = Live mee met “{ $board }”.
live-refused = { $name } stuurde iets wat niet mag en is losgekoppeld: { $reason }
live-revoked = Het live bord weigerde het ticket van deze kopie ({ $reason }); vraag om een nieuw.
job-live-starting = Live gaan
job-live-joining = Meedoen met “{ $board }”
live-pointer = Aanwijzer van { $name }
live-follow = Volgen
live-follow-name = { $name } volgen
live-follow-help = Zie wat { $name } ziet, terwijl die beweegt; zelf het bord bewegen stopt het
live-following = Je volgt { $name } · Esc of beweeg het bord om te stoppen
live-stop-following = Niet meer volgen
live-stop-following-name = { $name } niet meer volgen
live-follow-ended = Wie je volgde, heeft het bord verlaten.
live-bring-everyone = Haal iedereen naar mij
live-bring-everyone-help = Iedereen op het bord volgt wat jij ziet, tot ze zelf het bord bewegen
live-brought-everyone = { $count ->
        [one] 1 persoon volgt nu wat jij ziet.
       *[other] { $count } mensen volgen nu wat jij ziet.
    }
live-brought = { $name } haalde iedereen naar wat die ziet: je volgt tot je zelf het bord beweegt.
live-lan-only = Alleen lokaal netwerk: geen relay
live-lan-only-help = Alleen rechtstreekse verbindingen (hetzelfde netwerk, een VPN): niets gaat via een relay op internet. Geldt vanaf de volgende start of deelname.
live-bad-relay = De relay in de voorkeuren ({ $url }) is geen webadres: { $reason }
live-start-failed-because = Live gaan is niet gelukt: { $reason }
live-no-relay = Verbindingen: alleen rechtstreeks, geen relay (alleen lokaal netwerk).
live-from = { $name } (live)

live-role-editor = bewerker
live-role-guest = gast
live-relay-public = de openbare relays van n0 waar geen directe weg te maken is
live-relay-own = de relay { $url }
live-relay-none = geen relay (alleen LAN)
live-event-joined = hier: { $name } ({ $role })
live-event-left = weg: { $name } ({ $why })
live-event-received = van { $from }: { $added } toegevoegd, { $changed } gewijzigd, { $removed } verwijderd
live-event-not-applied = niet toegepast, van gast { $from }: { $what }
live-event-picture = afbeelding van { $from }: { $asset }
live-event-refused = geweigerd: { $from } is losgekoppeld: { $why }
live-event-offline = offline: { $why }; het wordt opnieuw geprobeerd
live-event-revoked = ticket geweigerd: { $why }
live-event-unreadable = het bordbestand kan niet worden gelezen: { $why }
live-event-full = een verbinding geweigerd: er zijn er al { $limit } open
## De bibliotheek: elk bord, terug te vinden (src/library)
library-error-folder = kan de map van de bibliotheek { $path } niet maken: { $reason }
library-error-index = de zoekindex in { $path } is niet te gebruiken: { $reason }
library-error-busy = een andere Moodboard werkt de zoekindex in { $path } bij; probeer het zo nog eens
library-error-catalog = kan de lijst met borden van de bibliotheek niet bewaren: { $reason }
library-no-cache = Dit systeem heeft geen cachemap, dus de bibliotheek kan haar lijst en index niet bewaren; zet MOODBOARD_CACHE_DIR
library-search = Zoeken in de bibliotheek
library-search-hint = Borden filteren, ideeën op al die borden vinden…
library-kind = Alleen ideeën van deze soort
library-kind-label = Soort
library-sort-label = Volgorde
library-every-kind = Elke soort
library-sort = Hoe de borden op volgorde staan
library-sort-changed = Laatst gewijzigd eerst
library-sort-title = Op titel
library-reading = Borden lezen: { $done } van { $total }
library-tags = Labels
library-tag-help = Toon elke kaart met #{ $tag } ({ $count }), op welk bord ook
library-searching = Zoeken…
library-no-ideas = Geen ideeën gevonden
library-ideas = { $count ->
    [one] 1 idee: Enter opent het
   *[other] { $count } ideeën: Enter opent het eerste, de pijltjestoetsen kiezen
}
library-ideas-many = De eerste { $count } ideeën: typ meer woorden om ze te beperken
library-unsorted = ongesorteerd
library-on-board = op { $board }
library-by = van { $name }
library-open-idea = Open { $board } bij “{ $idea }”
library-listing = Borden zoeken…
library-boards = { $count ->
    [one] 1 bord
   *[other] { $count } borden
}
library-empty = Hier zijn nog geen borden: Bestand → Nieuw bord begint er een.
library-ideas-themes = { $ideas ->
    [one] 1 idee
   *[other] { $ideas } ideeën
} · { $themes ->
    [one] 1 thema
   *[other] { $themes } thema's
}
library-people = van { $people }{ $more ->
    [0] {""}
   *[other] {" "}en { $more } anderen
}
library-changed = gewijzigd { $when }
library-open = Openen
library-picture = Zo ziet { $board } eruit
library-open-board = Open { $board }
library-unreadable = Niet te lezen
library-idea-gone = Dat idee staat niet meer op het bord (verwijderd nadat het gevonden werd).
library-trash-failed = kan { $path } niet naar de prullenbak verplaatsen of terugzetten: { $reason }
library-not-in-trash = { $path } staat niet meer in de prullenbak (intussen geleegd?)
library-new-title = Nieuwe titel
library-rename = Naam wijzigen…
library-duplicate = Dupliceren
library-copy-title = { $title } (kopie)
library-reveal = Tonen in bestandsbeheer
library-move-to-trash = Naar de prullenbak
library-open-not-trashed = Dit bord is open: open eerst een ander bord voor je het naar de prullenbak verplaatst.
library-more = Meer voor { $board }
library-trashed = “{ $board }” staat in de prullenbak.
library-undo-trash = Ongedaan maken (Ctrl+Z)
library-untrashed = “{ $board }” is terug uit de prullenbak.
library-duplicated = { $path } gemaakt
library-reveal-failed = Kon { $path } niet tonen in bestandsbeheer: { $reason }
library-inbox = Postvak
send-move-heading = { $count ->
    [one] 1 kaart verplaatsen naar …
   *[other] { $count } kaarten verplaatsen naar …
}
send-copy-heading = { $count ->
    [one] 1 kaart kopiëren naar …
   *[other] { $count } kaarten kopiëren naar …
}
send-filter = Bord
send-filter-hint = Typ om een bord te vinden
send-cancel = Annuleren
send-select-first = Kies eerst de kaarten die naar een ander bord gaan.
send-moved = { $things } verplaatst naar “{ $board }”.
send-copied = { $things } gekopieerd naar “{ $board }”.
step-move-to-board = { $things } naar “{ $board }”
action-create-templates-folder = de map met sjablonen aanmaken
template-empty = Leeg bord
template-empty-about = Er staat nog niets op: begin met verzamelen.
template-moodboard = Moodboard
template-moodboard-about = Kaders voor kleur, textuur, licht en vorm.
template-brainstorm = Brainstorm
template-brainstorm-about = Een sessie die meteen ieder voor zich verzamelt, en daarna clustert: kaders Verzamelen en Clusteren, drie stippen per persoon.
template-retrospective = Retrospectieve
template-retrospective-about = Wat ging goed, wat kan beter, wat willen we proberen, en bedankt; er wordt meteen verzameld.
template-frame-colour = Kleur
template-frame-texture = Textuur
template-frame-light = Licht
template-frame-shape = Vorm
template-frame-collect = Verzamelen
template-frame-cluster = Clusteren
template-frame-went-well = Ging goed
template-frame-better = Kan beter
template-frame-try = Ideeën om te proberen
template-frame-thanks = Bedankt
new-board-start-from = Begin met
new-board-saved-template = { $title } (je eigen sjabloon)
cmd-save-as-template = Bewaren als sjabloon
cmd-save-as-template-help = Bewaar de kaders, kaarten en sessie-instellingen van dit bord als begin voor nieuwe borden
library-template-kept = Bewaard als sjabloon: { $path }
library-no-templates-folder = Dit systeem heeft geen configuratiemap om sjablonen in te bewaren; zet MOODBOARD_CONFIG_DIR
dialog-library-folder = Een map waarin de bibliotheek kijkt
library-folders = Kijkt in
library-add-folder = Map toevoegen…
library-remove-folder = Niet meer kijken in { $folder }
library-remove-folder-help = Niet meer in deze map kijken (de borden erin blijven waar ze zijn)
library-captured = { $count ->
    [one] 1 idee in het postvak
   *[other] { $count } ideeën in het postvak
}
library-capture-hint = Bestanden die je hier neerzet, en afbeeldingen of tekst die je plakt terwijl je niet in het zoekveld typt, gaan naar het postvak.
library-person-label = Persoon
library-everyone = Iedereen
library-since-label = Toegevoegd
library-since-any = Wanneer ook
library-since-week = In de laatste 7 dagen
library-since-month = In de laatste 30 dagen
library-since-year = In het laatste jaar
cmd-moving-pictures = Bewegende beelden afspelen
cmd-moving-pictures-help = Geanimeerde GIF- en WebP-beelden spelen op hun kaart zolang ze in beeld zijn; uit tonen ze hun eerste beeld
card-pause-label = Bewegend beeld pauzeren
card-play-label = Bewegend beeld afspelen

## Verbindingen: pijlen tussen kaarten en kaders

error-edit-no-such-connector = er is geen verbinding met id { $id }
error-edit-duplicate-connector = er bestaat al een verbinding met id { $id }
connector-missing-end = het uiteinde { $id } staat niet op het bord
connector-to-itself = ze gaat van { $id } naar zichzelf
connector-label-long = het label heeft { $count } tekens, meer dan { $max }
refused-connector-end-gone = { $what }: weggelaten, want een van de uiteinden staat niet meer op het bord
merge-what-connector = een verbinding
merge-what-connector-labelled = de verbinding “{ $label }”
merge-connectors-new =
    { $count ->
        [one] 1 nieuwe verbinding
       *[other] { $count } nieuwe verbindingen
    }
merge-connectors-changed =
    { $count ->
        [one] 1 verbinding gewijzigd
       *[other] { $count } verbindingen gewijzigd
    }
merge-connectors-removed =
    { $count ->
        [one] 1 verbinding verwijderd
       *[other] { $count } verbindingen verwijderd
    }
problem-connector = verbinding #{ $n }
problem-connector-label = het label besloeg meer dan één regel of was langer dan { $max } tekens; het staat nu op één regel binnen die grens
problem-connector-dropped = weggelaten: { $why }
connector-describe = Verbinding van “{ $from }” naar “{ $to }”
connector-describe-labelled = Verbinding van “{ $from }” naar “{ $to }”: { $label }
connector-handle-top = Trek een verbinding vanaf de bovenrand
connector-handle-right = Trek een verbinding vanaf de rechterrand
connector-handle-bottom = Trek een verbinding vanaf de onderrand
connector-handle-left = Trek een verbinding vanaf de linkerrand
connector-handle-help = Sleep naar een andere kaart of een kader om ze te verbinden
connect-need-two = Selecteer twee kaarten om ze te verbinden (Shift+klik op de tweede)
step-connect = Verbinden
step-connector-label = Verbinding benoemen
step-connector-style = Stijl van de verbinding wijzigen
step-connector-reverse = Verbinding omkeren
step-connector-delete = Verbinding verwijderen
inspector-connector = Verbinding
inspector-connector-ends = Van “{ $from }” naar “{ $to }”
inspector-connector-label = Label
inspector-connector-label-hint = een paar woorden op de lijn
inspector-connector-heads = Pijlpunten
inspector-connector-dashed = Gestreept
inspector-connector-reverse = Omkeren
inspector-connector-delete = Verbinding verwijderen
inspector-connector-by = Getrokken door { $who }
connector-heads-end = Aan het eind
connector-heads-both = Aan beide kanten
connector-heads-none = Geen
cmd-connect = Geselecteerde kaarten verbinden
cmd-connect-help = Een pijl van de eerste van twee geselecteerde kaarten (van links naar rechts) naar de andere; of sleep vanaf een greep aan de rand van een geselecteerde kaart
job-canvas-edges-left-out =
    { $count ->
        [one] 1 verbinding van het canvas is weggelaten
       *[other] { $count } verbindingen van het canvas zijn weggelaten
    }
canvas-too-many-edges = { $count } verbindingen; hoogstens { $max } worden geïmporteerd
