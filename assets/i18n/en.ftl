# Moodboard's interface in English. Every message here has its Dutch twin in nl.ftl
# (a test fails otherwise), taking the same arguments.

## Menus
menu-file = File
menu-share = Share
menu-edit = Edit
menu-add = Add
menu-arrange = Arrange
menu-session = Session
menu-view = View
menu-help = Help

## The command table (menus, shortcuts window, tooltips)
cmd-new-board = New board
cmd-new-board-help = Start a new, empty board
cmd-open = Open…
cmd-open-help = Open a board file
cmd-library = Library…
cmd-library-help = Every board you keep: open one, or find an idea on any of them
cmd-search-library = Search all boards…
cmd-search-library-help = Find ideas on every board in the library, in any form of their words
cmd-save = Save
cmd-save-help = Save now (boards also save themselves shortly after each change)
cmd-save-as = Save as…
cmd-save-as-help = Save the board and its images under a new name
cmd-quit = Quit
cmd-quit-help = Close Moodboard
cmd-merge-board = Merge a board…
cmd-merge-board-help = Bring in the ideas of another copy or another board (or a pack); one undo step
cmd-save-pack = Save as pack…
cmd-save-pack-help = One .moodpack file with the board and its images, to email or share
cmd-export-html = Export web page (HTML)…
cmd-export-html-help = A self-contained web page: the recap for people who were not there (only the shown theme if one is picked)
cmd-export-markdown = Export Markdown…
cmd-export-markdown-help = Goals and items by theme, for wikis and chat (only the shown theme if one is picked)
cmd-export-png = Export picture (PNG)…
cmd-export-png-help = The board as a picture (only the shown theme if one is picked)
cmd-export-pdf = Export PDF…
cmd-export-pdf-help = The recap to print or send to those who were not there: title, goals and outcome, then a page per frame
cmd-export-canvas = Export JSON Canvas…
cmd-export-canvas-help = A .canvas file for Obsidian and other JSON Canvas apps
cmd-import-canvas = Import JSON Canvas…
cmd-import-canvas-help = Add the cards and groups of a .canvas file to this board
cmd-undo = Undo
cmd-undo-help = Undo the last change
cmd-redo = Redo
cmd-redo-help = Redo what was undone
cmd-cut = Cut
cmd-cut-help = Copy the selected cards to the clipboard and delete them
cmd-copy = Copy
cmd-copy-help = Copy the selected cards, pictures included, to paste on this or another board
cmd-paste = Paste
cmd-paste-help = Paste cards, an image, a link or text from the clipboard
cmd-duplicate = Duplicate
cmd-duplicate-help = Make a copy of the selected items
cmd-delete = Delete
cmd-delete-help = Delete the selected items
cmd-select-all = Select all
cmd-select-all-help = Select every item
cmd-clear-selection = Select none
cmd-clear-selection-help = Deselect everything
cmd-bring-to-front = Bring to front
cmd-bring-to-front-help = Put the selected items on top
cmd-send-to-back = Send to back
cmd-send-to-back-help = Put the selected items underneath
cmd-toggle-lock = Lock / unlock
cmd-toggle-lock-help = Locked items cannot be moved, resized or deleted
cmd-move-to-board = Move to board…
cmd-move-to-board-help = Take the selected cards to another board or the inbox, with their pictures and who brought them
cmd-copy-to-board = Copy to board…
cmd-copy-to-board-help = Put copies of the selected cards on another board or the inbox, with their pictures and who brought them
cmd-add-note = Note
cmd-add-note-help = Write down a brainwave
cmd-add-quote = Quote
cmd-add-quote-help = Add something someone said or wrote
cmd-add-link = Link
cmd-add-link-help = Add a web address
cmd-add-colour = Colour
cmd-add-colour-help = Add a colour swatch
cmd-add-image = Image…
cmd-add-image-help = Add images from files or a web address
cmd-add-sketch = Sketch
cmd-add-sketch-help = Draw with the mouse, a pen or a finger
cmd-add-heading = Heading
cmd-add-heading-help = Words straight on the canvas, to label a part of the board
cmd-add-theme = Theme
cmd-add-theme-help = Add a theme to sort items into
cmd-pick-colour = Pick a colour from a picture
cmd-pick-colour-help = An eyedropper over the pictures: click one to put the colour under the pointer on the board
cmd-work-offline = Work offline
cmd-work-offline-help = Add links without fetching their pages, and never download pictures (a toggle)
cmd-arrange-by-theme = Arrange by theme
cmd-arrange-by-theme-help = Pack the theme frames into a window-shaped board, cards in tidy columns
cmd-align-left = Align left edges
cmd-align-left-help = Line the selected cards up on the leftmost one's left edge
cmd-align-right = Align right edges
cmd-align-right-help = Line the selected cards up on the rightmost one's right edge
cmd-align-top = Align top edges
cmd-align-top-help = Line the selected cards up on the topmost one's top edge
cmd-align-bottom = Align bottom edges
cmd-align-bottom-help = Line the selected cards up on the lowest one's bottom edge
cmd-align-centres = Align centres (one column)
cmd-align-centres-help = Put the selected cards' centres on one vertical line
cmd-align-middles = Align middles (one row)
cmd-align-middles-help = Put the selected cards' middles on one horizontal line
cmd-distribute-across = Distribute across
cmd-distribute-across-help = Equal gaps between the selected cards, left to right
cmd-distribute-down = Distribute down
cmd-distribute-down-help = Equal gaps between the selected cards, top to bottom
cmd-snap-to-grid = Snap to grid
cmd-snap-to-grid-help = Cards you move or resize land on the canvas grid (a toggle)
cmd-rotate-right = Turn picture right
cmd-rotate-right-help = A quarter turn clockwise for the selected pictures (the file is never changed)
cmd-rotate-left = Turn picture left
cmd-rotate-left-help = A quarter turn anticlockwise for the selected pictures (the file is never changed)
cmd-flip-across = Mirror picture left to right
cmd-flip-across-help = Mirror the selected pictures left to right (the file is never changed)
cmd-flip-down = Mirror picture top to bottom
cmd-flip-down-help = Mirror the selected pictures top to bottom (the file is never changed)
cmd-toggle-session = Start or end session
cmd-toggle-session-help = A facilitated session: collect, cluster, vote and react, with a timer
cmd-draw-prompt = Draw a prompt
cmd-draw-prompt-help = Put a creative provocation from the deck on the board
cmd-give-dot = Give a dot
cmd-give-dot-help = In the Vote step: put one of your dots on the selected items
cmd-take-dot = Take a dot back
cmd-take-dot-help = In the Vote step: take one of your dots back from the selected items
cmd-shuffle = Shuffle the board
cmd-shuffle-help = Lay the items out in a random arrangement, to break the first grouping (one undo step)
cmd-spotlight = Spotlight
cmd-spotlight-help = One idea at a time, full screen, in random order: what else could this be?
cmd-show-lenses = Lenses
cmd-show-lenses-help = Where the ideas come from, by source, contributor and theme; and the board's colours
cmd-zoom-in = Zoom in
cmd-zoom-in-help = Zoom in
cmd-zoom-out = Zoom out
cmd-zoom-out-help = Zoom out
cmd-zoom-reset = Actual size
cmd-zoom-reset-help = Show the board at 100 %
cmd-zoom-fit = Zoom to fit
cmd-zoom-fit-help = Show the whole board
cmd-zoom-selection = Zoom to selection
cmd-zoom-selection-help = Show the selected items
cmd-toggle-sidebar = Themes sidebar
cmd-toggle-sidebar-help = Show or hide the themes sidebar
cmd-toggle-inspector = Inspector
cmd-toggle-inspector-help = Show or hide the inspector
cmd-find = Search
cmd-find-help = Search by text, tag, contributor or source
cmd-look-system = Look: as the system
cmd-look-system-help = Light or dark, as the system is set
cmd-look-light = Look: light
cmd-look-light-help = A light interface and canvas
cmd-look-dark = Look: dark
cmd-look-dark-help = A dark interface and canvas
cmd-language-system = Language: as the system
cmd-language-system-help = The system's language, if Moodboard speaks it (English otherwise)
cmd-language-english = Language: English
cmd-language-english-help = The interface in English
cmd-language-dutch = Language: Nederlands
cmd-language-dutch-help = The interface in Dutch
cmd-show-shortcuts = Keyboard shortcuts
cmd-show-shortcuts-help = List every keyboard shortcut
cmd-show-welcome = How Moodboard works
cmd-show-welcome-help = Open the welcome board, which shows every kind of idea and how a session goes
cmd-show-about = About Moodboard
cmd-show-about-help = The version, and where boards and their file format are described

## Menu bar, toolbar and search
menu-undo-step = Undo { $step }
menu-redo-step = Redo { $step }
menu-start-session = Start session
menu-end-session = End session
menu-open-recent = Open recent
toolbar-add = Add
toolbar-new-note = New note
toolbar-new-quote = New quote
toolbar-new-link = New link
toolbar-new-colour = New colour
toolbar-new-image = New image
toolbar-new-sketch = New sketch
toolbar-new-heading = New heading
toolbar-session = ▶ Session
toolbar-end-session = ■ End session
toolbar-session-switch = Session switch
search-hint = 🔍 Search text, tags, people, sources
search-label = Search
search-none = No matches
search-at = { $at } of { $count }
search-count = { $count ->
    [one] 1 match: Enter to go there
   *[other] { $count } matches: Enter for the next
}
search-clear = Clear the search (Esc)
search-label-none = Search: no matches
search-label-at = Search: match { $at } of { $count }
search-label-count = Search: { $count ->
    [one] 1 match
   *[other] { $count } matches
}

## Goals strip
goals-title = 🎯 Goals
goals-none = None yet: with nothing selected, add one or two in the inspector.
goals-more = … and { $count } more
goals-too-many = (more than two: try to narrow them down)

## Status bar
save-read-only = 🔒 Read-only file: shown, not changed (Save As… for an editable copy)
save-saved = ✔ Saved
save-unsaved = • Unsaved changes
save-saving = Saving…
save-failed = ✖ Not saved: { $reason }
save-status-label = Save status: { $status }
save-retry = Retry save
status-problems = { $count ->
    [one] ⚠ 1 problem on opening
   *[other] ⚠ { $count } problems on opening
}
status-items = { $count ->
    [one] 1 item
   *[other] { $count } items
}
status-selected = { $things }, { $count } selected
status-importing = Importing { $done } of { $total }
status-cancel-import = Cancel import
status-job = { $job }…
status-job-progress = { $job }: { $done } of { $total }
status-working-label = Working: { $job }
status-messages = 🔔 Messages
status-messages-unread = 🔔 Messages ({ $count })
status-messages-help = Everything the app told you, with every reason
status-messages-label = Messages
status-zoom-label = Zoom level

## The model's names
kind-image = Image
kind-quote = Quote
kind-link = Link
kind-note = Note
kind-colour = Colour
kind-sketch = Sketch
kind-heading = Heading
kind-image-lower = image
kind-quote-lower = quote
kind-link-lower = link
kind-note-lower = note
kind-colour-lower = colour
kind-sketch-lower = sketch
kind-heading-lower = heading
phase-off = No session
phase-collect = Collect
phase-cluster = Cluster
phase-vote = Vote
phase-react = React
phase-collect-hint = Add everything that comes to mind. No judging yet: votes and comments are hidden.
phase-cluster-hint = Group the ideas into themes: drag them, or let the app suggest themes.
phase-vote-hint = Place your dots on the ideas that serve the goal best.
phase-react-hint = Give every idea a reaction or a reply. No idea left unanswered.
reaction-build-on = Build on it
reaction-like = Like
reaction-surprise = Surprising
reaction-question = Tell me more
theme-unsorted = Unsorted

## Canvas and cards
canvas-label = Canvas
canvas-face-down = Face-down idea from the live session
canvas-drop-here = Drop to add to the board
canvas-empty = This board is empty.

    Press N for a note, Q for a quote, L for a link, C for a colour,
    I to add images, or drop files and paste (Ctrl+V) right here.
card-someone = someone
card-someone-hidden = someone (hidden in this session)
card-no-source = no source
card-added-by = Added by { $who } · { $source }
card-times = { $created } · changed { $changed }
card-open-link = Open link
card-open-link-label = Open link { $url }
card-move-to-theme = Move to theme
card-resize-label = Resize { $item }
card-edit-inline-label = Edit text on the board

## Undo steps
step-move-into = Move { $things } into “{ $theme }”
step-move-out = Move { $things } out of its theme
step-move = Move { $things }
step-move-to = Move { $things } to “{ $theme }”
step-resize = Resize
step-edit-text = Edit text

## Session bar, votes and reactions
session-title = Session
session-phase-label = Phase { $phase }
step-go-to-phase = Go to { $phase }
session-hide-who = Hide who added what
session-hide-who-help = Against authority bias
step-hide-contributors = Hide contributors
step-show-contributors = Show contributors
session-private = Private collect
session-private-help = While collecting, nobody sees anyone else's ideas: the first idea cannot anchor the rest
step-collect-privately = Collect privately
step-collect-openly = Collect in the open
session-invite = Invite…
session-invite-help = Let people join from their phones: no install, no account
session-inviting = Inviting · { $count } joined
session-inviting-help = Show the invitation's QR code and address
session-show-new = Show new ideas
session-show-new-help = Zoom to the ideas that came from phones
session-stop-inviting = Stop inviting
session-end-help = Back to the plain board; votes and reactions stay
session-private-empty = Private collect: ideas from phones lie face down until Cluster
session-private-in =
    { $count ->
        [one] 1 idea in, face down until Cluster
       *[other] { $count } ideas in, face down until Cluster
    }
session-private-from =
    { $count ->
        [one] 1 idea in, from { $people ->
            [one] 1 person
           *[other] { $people } people
        }, face down until Cluster
       *[other] { $count } ideas in, from { $people ->
            [one] 1 person
           *[other] { $people } people
        }, face down until Cluster
    }
session-private-from-anonymous =
    { $count ->
        [one] 1 idea in, from { $people } named and { $anonymous } anonymous, face down until Cluster
       *[other] { $count } ideas in, from { $people } named and { $anonymous } anonymous, face down until Cluster
    }
session-time-up = ⏰ Time is up: finish the thought you are on.
session-time-up-label = Time is up
session-all-answered = ✔ Every idea has an answer
session-unanswered =
    { $count ->
        [one] 1 idea without a reaction yet
       *[other] { $count } ideas without a reaction yet
    }
session-unanswered-label = Unanswered ideas: { $text }
session-prompt-language = Prompt language
timer-label =
    Timer { $left } { $state ->
        [running] running
        [paused] paused
       *[stopped] stopped
    }
timer-minutes-suffix = min
timer-minutes-label = Timer minutes
step-set-timer = Set timer
timer-start = ▶ Start timer
step-start-timer = Start timer
timer-pause = ⏸ Pause timer
step-pause-timer = Pause timer
timer-resume = ▶ Resume timer
step-resume-timer = Resume timer
timer-extend = +1 min
timer-extend-help = Give everyone another minute
step-extend-timer = Extend timer
timer-end = ⏹ End timer
step-end-timer = End timer
suggest-none = No theme suggestions: no two unsorted ideas share a tag or a telling word.
suggest-title = Suggested themes:
suggest-help = Ideas sharing { $reason }; click to make it a theme
suggest-label = Suggested theme { $theme }
step-suggested-theme = Theme “{ $theme }”
vote-dots-prefix = Dots per person:
vote-dots-label = Dots per person
step-set-dots = Set dots per person
vote-left = You have { $left } of { $dots } dots left
vote-hide-totals = Hide totals
step-hide-totals = Hide vote totals
vote-most = Most dots: { $top }
vote-placed =
    { $count ->
        [one] 1 dot placed
       *[other] { $count } dots placed
    }
vote-reveal = Reveal votes
vote-reveal-help = Show everyone the totals
judgment-hidden = Votes and comments are hidden while collecting: no judging yet.
judgment-prompt = A prompt card: answer it with ideas of your own.
judgment-dots = Dots
judgment-yours = Yours: { $dots }
judgment-in-all = { $count } in all
judgment-in-all-label = Dots in all: { $count }
judgment-totals-hidden = totals hidden until revealed
judgment-give-dot = Give a dot ({ $left } left)
judgment-reactions = Reactions
judgment-react-label = React { $reaction }
step-take-back-reaction = Take back reaction
step-react = React “{ $reaction }”
judgment-replies = Replies
judgment-delete-reply = Delete your reply
step-delete-reply = Delete reply
judgment-reply = Reply
judgment-reply-hint = Yes, and… (Enter to send)
judgment-describe-mine = your dots { $count }
judgment-describe-total =
    { $count ->
        [one] 1 dot in all
       *[other] { $count } dots in all
    }
judgment-describe-replies =
    { $count ->
        [one] 1 reply
       *[other] { $count } replies
    }
judgment-describe-unanswered = no reaction yet

## Inspector
inspector-face-down = Face-down idea
inspector-board = Board
inspector-title = Title
inspector-title-hint = What this board is called
step-rename-board = Rename board
inspector-description = Description
inspector-description-hint = What this board collects
step-change-description = Change description
inspector-goals = Goals
inspector-goals-help = The one or two things this board is for. They stay in view while you collect.
inspector-goal-hint = A goal
step-change-goal = Change goal
step-remove-goal = Remove goal
inspector-new-goal = New goal
inspector-new-goal-hint = Type a goal, then Enter
step-add-goal = Add goal
inspector-too-many-goals = More than two goals: a board works best with one or two clear ones.
inspector-select-hint = Select a card to edit it here.
inspector-your-name = Your name
inspector-your-name-hint = Written on everything you add
inspector-your-name-help = Kept in your preferences, not in the board.
inspector-note = Note
inspector-note-hint = The brainwave
step-edit-note = Edit note
inspector-quote = Quote
inspector-quote-hint = What was said
step-edit-quote = Edit quote
inspector-said-by = Said by
inspector-said-by-hint = Who said it
step-change-attribution = Change attribution
inspector-citation = Citation
inspector-citation-hint = Where it was said
step-change-citation = Change citation
inspector-address = Address
step-change-address = Change address
inspector-link-title-hint = What it is
step-change-link-title = Change link title
inspector-why = Why it matters
inspector-optional = Optional
step-change-link-note = Change link note
inspector-page-says = What the page says
step-change-link-description = Change link description
inspector-remove-picture = Remove preview picture
inspector-remove-picture-help = Keep the link, without the page's picture
inspector-unsafe-link = Only http, https and mailto addresses are opened from a board.
inspector-caption = Caption
inspector-caption-hint = What it shows, and credit
inspector-heading = Heading
inspector-heading-hint = What this part of the board is
inspector-heading-large = Large
inspector-heading-large-help = Write the heading large
inspector-heading-medium = Medium
inspector-heading-medium-help = Write the heading medium-sized
inspector-heading-small = Small
inspector-heading-small-help = Write the heading small
step-change-caption = Change caption
inspector-hex = Hex
step-change-colour = Change colour
inspector-colour-name = Colour name
inspector-colour-name-hint = e.g. Sunflower
step-rename-colour = Rename colour
inspector-tags = Tags
inspector-tags-hint = comma, separated
step-change-tags = Change tags
inspector-source = Source
inspector-source-hint = Where the idea comes from
step-change-source = Change source
inspector-use-source = Use this source
inspector-hidden-who = Who added it is hidden during this session.
inspector-locked = Locked
inspector-delete-item = Delete item
inspector-add-tag = Add tag
inspector-add-tag-hint = Tag for all of them
inspector-delete-items = Delete items
inspector-several = (several)
inspector-theme = Theme
inspector-own-prompts = Your own prompts
inspector-own-prompts-help = Drawn along with the deck (P). They travel with the board.
inspector-remove-prompt = Remove this prompt
step-remove-prompt = Remove prompt
inspector-new-prompt = New prompt
inspector-new-prompt-hint = e.g. What would our founder add?
step-add-prompt = Add prompt

## Inspector (with arguments)
inspector-face-down-text = An idea from a participant's phone. Private collect keeps every idea face down until the session moves on to Cluster, so that no idea anchors the rest.
inspector-goal-n = Goal { $n }
inspector-remove-goal-n = Remove goal { $n }
inspector-image-size = { $file } · { $w } × { $h } px
inspector-image-from = From { $url }
inspector-added-by = Added by { $who }
inspector-times = Created { $created } · changed { $changed }
step-lock = Lock
step-unlock = Unlock
inspector-selected = { $things } selected

## Dialogs
shortcuts-canvas = On the canvas
shortcuts-pan = Pan
shortcuts-pan-keys = Middle-drag, Space+drag or scroll
shortcuts-zoom = Zoom around the pointer
shortcuts-zoom-keys = Ctrl+scroll or pinch
shortcuts-select-more = Select more
shortcuts-select-more-keys = Shift+click or Ctrl+click
shortcuts-select-area = Select an area
shortcuts-select-area-keys = Drag on empty space
shortcuts-edit-in-place = Edit text in place
shortcuts-edit-in-place-keys = Double-click a card
shortcuts-finish-editing = Finish editing text
shortcuts-finish-editing-keys = Ctrl+Enter or click elsewhere
shortcuts-keyboard = Without a mouse
shortcuts-enter-cards = Go to the cards
shortcuts-enter-cards-keys = An arrow key (or Tab through the panels)
shortcuts-walk = Next or previous card, frame by frame
shortcuts-walk-keys = Tab or Shift+Tab, Right or Left arrow
shortcuts-walk-column = The card above or below
shortcuts-walk-column-keys = Up or Down arrow
shortcuts-choose = Choose the card, or let it go
shortcuts-choose-keys = Space
shortcuts-edit-card = Edit the card
shortcuts-edit-card-keys = Enter
shortcuts-nudge = Move the chosen cards
shortcuts-nudge-keys = Shift+arrow keys
unsaved-title = Unsaved changes
unsaved-dont-save = Don't save
button-cancel = Cancel
welcome-text = Everything you add, every dot and every reaction carries your name, so the team knows who brought what.
welcome-name = Name on your ideas
welcome-name-hint = e.g. Ann
welcome-save-name = Save name
button-later = Later
welcome-later-help = You can set it in the inspector with nothing selected
goal-ask-text = One clear goal keeps the collecting focused. It stays in view above the board.
goal-ask-field = Goal for this board
goal-ask-hint = e.g. A warmer welcome for new customers
goal-ask-set = Set goal
goal-ask-later-help = Add goals in the inspector with nothing selected
new-board-text = Its title names the file too; you can change it later in the inspector.
new-board-title = Title of the new board
new-board-title-hint = e.g. Kitchen ideas
new-board-goal = Goal (optional)
new-board-goal-hint = What is this board for? It stays in view while you collect
new-board-create = Create board
button-esc = Esc

## Dialogs (with arguments)
shortcuts-or = or
problems-title = Problems in “{ $board }”
problems-text = The board opened, but these parts needed attention. Nothing was changed on disk; the board is saved with the repairs only once you change something.
unsaved-text = “{ $board }” has changes that are not saved yet.
unsaved-last-failed = The last save failed: { $reason }
welcome-title = Welcome to Moodboard
goal-ask-title = What is this board for?
step-set-goal = Set goal
new-board-no-title = Give the board a title first.
new-board-enter = Enter to create
colour-invalid = “{ $text }” is not a colour; use hex like #E4B363 or #EB3

## Add forms
capture-no-image-here = Images are downloaded from their address, not built here.
capture-ctrl-enter = Ctrl+Enter
capture-enter = Enter
capture-ctrl-enter-to-add = Ctrl+Enter to add
capture-enter-to-add = Enter to add
capture-need-picture = Type or paste the picture's address first, or choose files.
capture-note-hint = The brainwave, in your words
capture-quote-hint = What was said or written
capture-citation-hint = Where: a book, a talk, an interview
capture-name = Name
capture-pick-colour = Pick the colour
capture-name-hint = Optional, e.g. Sunflower
capture-picture-address = Picture address
capture-offline-hint = Working offline: nothing is downloaded (Work offline, in the Add menu).
capture-formats = JPEG, PNG, GIF, WebP, BMP, TIFF or SVG, downloaded into the board.
capture-or = Or:
capture-choose-files = Choose files…
capture-choose-files-help = Pick image or text files from this computer
capture-drop-hint = Dropping files and pasting (Ctrl+V) work on the canvas too.

## Add forms (with arguments)
capture-need-note = The note is empty: type it first.
capture-need-quote = The quote is empty: type it first.
capture-need-address = The address is empty: type it first.
capture-add-note = Add note
capture-add-quote = Add quote
capture-add-link = Add link
capture-add-colour = Add colour
capture-add-image = Add image
capture-add-sketch = Add sketch
capture-add-heading = Add heading
capture-need-heading = Type the heading first.
capture-heading-hint = e.g. Wild ideas
capture-offline = Moodboard is working offline (Work offline, in the Add menu); turn that off to download pictures.
capture-cannot-download = Cannot download this: { $reason }.

## Lenses
lens-where-next = Where to look next
lens-contributors-hidden = By contributor: hidden during this session
lens-no-ideas = No ideas yet.
lens-colour = Colour lens
lens-no-images = No images on this board yet.
lens-perspectives = Perspectives to look for
lens-perspectives-help = Offered as an item's source; kept in your preferences.
lens-remove-perspective = Remove from the list
lens-new-perspective = New perspective
lens-new-perspective-hint = e.g. suppliers

## Lenses (with arguments)
lens-summary =
    { $count ->
        [one] 1 idea · { $percent }% from outside the own team
       *[other] { $count } ideas · { $percent }% from outside the own team
    }
lens-summary-label = Lens summary: { $summary }
lens-source-dominates = { $percent }% of ideas come from { $name }: one lens dominates.
lens-contributor-dominates = { $percent }% of ideas were added by { $name }: ask the others in.
lens-warning-label = Lens warning: { $warning }
lens-nothing-from = Nothing from { $perspective } yet.
lens-by-source = By source
lens-by-contributor = By contributor
lens-by-theme = By theme
lens-not-given = not given
lens-finding-colours = Finding the colours of { $pending } of { $total } images…
lens-unreadable =
    { $count ->
        [one] 1 image could not be read.
       *[other] { $count } images could not be read.
    }
lens-palette-colour = Palette colour { $hex } ({ $percent }%)
lens-all-alike = ⚠ The images are all alike in colour (around { $hex }): look for one that breaks the pattern.
lens-all-alike-label = Images all alike

## Themes sidebar
sidebar-themes = Themes
sidebar-none = No themes yet. Themes group ideas; add one, then drop cards into its frame.
sidebar-theme-name = Theme name
sidebar-rename = Rename
sidebar-colour = Colour
sidebar-move-up = Move up
sidebar-move-down = Move down
sidebar-delete-theme = Delete theme

## Themes sidebar (with arguments)
sidebar-all = All items ({ $count })
sidebar-add-theme = Add theme
sidebar-theme-options = Theme options for { $theme }
sidebar-rename-label = Rename theme { $theme }
step-rename-theme = Rename theme to “{ $theme }”
sidebar-colour-label = Colour { $hex }
step-recolour-theme = Recolour theme “{ $theme }”
step-theme-up = Move theme “{ $theme }” up
step-theme-down = Move theme “{ $theme }” down
sidebar-delete-help-empty = Remove this theme
sidebar-delete-help = Remove this theme; its { $things } become unsorted (nothing is deleted)
step-delete-theme = Delete theme “{ $theme }”

## Messages
toasts-show = Show
toasts-show-help = Zoom to what came in
toasts-dismiss = Dismiss
toasts-nothing = Nothing to tell yet.
toasts-clear = Clear messages

## Messages (with arguments)
toasts-waiting = { $count } more in Messages (status bar)
toasts-more-details = … and { $count } more (see Messages)
toasts-show-label = Show: { $text }
toasts-reasons =
    { $count ->
        [one] 1 reason
       *[other] { $count } reasons
    }

## Merge preview
merge-other-board = This is another board: it can only add ideas. Nothing of yours is changed or removed.
button-close = Close
merge-merge = Merge
merge-one-step = Merging is one step: Ctrl+Z takes it back.

## Merge preview (with arguments)
merge-title = Merge “{ $board }” into this board?
merge-nothing = Nothing new to bring in.
merge-comes-in = Comes in
merge-changes = Changes
merge-goes = Goes
merge-not-taken = Not taken ({ $count })
merge-new = { $count } new
merge-changed = { $count } changed
merge-removed = { $count } removed
merge-themes-new =
    { $count ->
        [one] 1 new theme
       *[other] { $count } new themes
    }
merge-themes-changed =
    { $count ->
        [one] 1 theme changed
       *[other] { $count } themes changed
    }
merge-themes-removed =
    { $count ->
        [one] 1 theme removed
       *[other] { $count } themes removed
    }
merge-dots =
    { $count ->
        [one] 1 new dot
       *[other] { $count } new dots
    }
merge-responses =
    { $count ->
        [one] 1 new reply or reaction
       *[other] { $count } new replies and reactions
    }
merge-meta = new title or goals
merge-nothing-new = nothing new

## Crop
crop-loading = Loading the picture…
crop-move = Move the crop
step-crop = Crop picture
step-draw-stroke = Draw a stroke
step-edit-heading = Edit heading
step-erase-strokes = { $count ->
    [one] Erase a stroke
   *[other] Erase { $count } strokes
}
crop-reset = Reset
crop-reset-help = Show the whole picture

## Crop (with arguments)
crop-corner = Crop corner { $n }
crop-apply = Apply crop
pen-area = Drawing paper
picker-label = Colour picker
picker-hint = Click a picture to take the colour under the pointer · Esc when done
picker-reading = Reading the picture…
pen-start = Draw here
pen-ink = Ink { $n }: { $hex }
pen-thin = Thin
pen-medium = Medium
pen-thick = Thick
pen-pen = ✏ Pen
pen-eraser = Eraser
pen-done = Done
pen-done-help = Put the pen away (Esc or Enter); Ctrl+Z takes back the last stroke
pen-full = This sketch is full (1,000 strokes or 100,000 points): start a new sketch to draw on.
card-empty-sketch = An empty sketch: double-click to draw

## Theme frames
frame-rename = Rename theme
frame-tidy = Tidy its cards
frame-delete = Delete theme (its cards stay, unsorted)
frame-lock = 🔒 Lock frame
frame-unlock = 🔓 Unlock frame
frame-locked-hint = Locked: the frame and its cards stay as they are until it is unlocked.

## Theme frames (with arguments)
frame-empty = { $theme }  ·  empty: drop ideas here
frame-label = Frame { $theme }
frame-resize-label = Resize frame { $theme }
step-move-frame = Move frame “{ $theme }”
step-lock-frame = Lock frame “{ $theme }”
step-unlock-frame = Unlock frame “{ $theme }”
step-tidy = Tidy “{ $theme }”
step-resize-frame = Resize frame “{ $theme }”

## Cards
card-prompt = 🎴 PROMPT
card-unsafe-link = ⚠ not a web address; will not be opened
card-invalid-colour = invalid colour “{ $hex }”
card-dots =
    { $count ->
        [one] 1 dot
       *[other] { $count } dots
    }
card-loading = Loading { $file }…
card-face-down =
    face down
    until Cluster

## Invitation
invite-scan = Scan the code with a phone's camera, or type the address. No app, no account.
invite-same-network = Phones must be on the same network as this computer.
invite-qr-label = QR code of the join address

## Invitation (with arguments)
invite-title = Invite people
invite-address-label = Join address { $url }
invite-nobody = Nobody has joined yet.
invite-joined =
    { $count ->
        [one] 1 person joined, { $contributed } added ideas.
       *[other] { $count } people joined, { $contributed } added ideas.
    }
invite-stop-help = Close the door: the join page stops answering
invite-copy-help = Copy the address

## Downloads
download-connecting = connecting
download-from = Downloading from { $site }… { $amount }
download-not-added = ⚠ Not added: { $reason }
download-label = Downloading { $address }
download-failed-label = Download failed: { $address }: { $reason }
download-retry = Retry
download-retry-help = Download { $address } again
download-dismiss-help = Forget this download

## Spotlight
spotlight-header = { $at } of { $count } · What else could this be?
spotlight-also = It could also be…
spotlight-also-hint = Type another reading, then Enter: it becomes a note beside this one
spotlight-also-label = It could also be
spotlight-previous = ◀ Previous
spotlight-close = Close (Esc)
spotlight-next = Next ▶

## Fields
field-ctrl-enter = Ctrl+Enter to finish

## App messages
app-read-only = { $path } is read-only (write-protected): it is shown, but cannot be changed. Use Save As… to keep an editable copy.
app-opened-with-problems =
    { $count ->
        [one] Opened with 1 problem repaired in memory; see the status bar.
       *[other] Opened with { $count } problems repaired in memory; see the status bar.
    }
app-previous-save-failed = Saving the previous board failed: { $reason }
app-not-saved = Not saved: { $reason }. Your changes are still here; fix the cause and press Retry save.
app-from-saved-elsewhere = changes saved by someone else
app-pack-not-opened = Could not open the pack: { $reason }
app-board-not-opened = Could not open the board: { $reason }
app-last-not-reopened = Could not reopen the last board: { $reason }
app-welcome-failed = Could not create the welcome board in { $folder }: { $reason }
app-from-phone = from a phone
app-from-board-file = changes from the board file
app-conflict-merged = Merged the conflict copy “{ $name }” ({ $summary }); it was moved to { $to }
app-conflict-failed = Conflict copy “{ $name }”: { $reason }
app-file-unreadable = The board file changed but cannot be read: { $reason }
app-file-not-merged = The changes made to the board's file elsewhere could not be taken in: { $reason }. They stay in the file.
app-not-taken =
    { $count ->
        [one] 1 change from { $from } was not taken: { $list }
       *[other] { $count } changes from { $from } were not taken: { $list }
    }
app-new-from = new from { $from }
canvas-new = new
app-merged = Merged { $from }: { $summary }
app-dialog-other-board = Another board was opened while the file dialog was open; nothing was done.

## Actions
actions-offline-not-downloaded = Not downloaded: Moodboard is working offline (Work offline, in the Add menu).
actions-no-arrivals = No ideas from phones yet.
actions-not-opened = Not opened: “{ $url }” is not a web or mail address.
actions-import-cancelled = Import cancelled; what was already added stays.
actions-cancelled-not-added =
    { $count ->
        [one] 1 file was not added before the import was cancelled
       *[other] { $count } files were not added before the import was cancelled
    }
actions-name-set = New ideas are now added as { $name }
step-lock-things = Lock { $things }
step-unlock-things = Unlock { $things }
actions-offline-on = Working offline: links are added without a preview, and pictures are not downloaded.
actions-offline-off = Online again: pasted and added addresses fetch their pictures and previews.
actions-snap-on = Snap to grid is on: cards you move or resize land on the grid.
actions-snap-off = Snap to grid is off.
actions-nothing-to-shuffle = Nothing to shuffle: it takes two unlocked items.
step-shuffle = Shuffle
actions-nothing-to-spotlight = Nothing to put in the spotlight yet.
actions-align-needs = { $command }: select at least { $count } unlocked cards.
actions-align-done = { $command }: the cards are lined up already.
actions-turn-needs = { $command }: select a picture first (locked pictures stay as they are).
actions-locked-not-deleted = { $things } locked, so not deleted. Unlock first (Ctrl+L).
step-delete = Delete { $things }
step-duplicate = Duplicate { $things }
actions-new-theme = New theme
actions-new-theme-n = New theme { $n }
step-add-theme = Add theme “{ $theme }”
step-make-theme = Make a theme of { $things }
actions-importing = Importing { $count } files…
actions-empty-file = { $file } is empty, so no note was added
step-add = Add { $things }
actions-imported =
    { $count ->
        [one] 1 file added
       *[other] { $count } files added
    }
actions-not-added =
    { $count ->
        [one] 1 file was not added
       *[other] { $count } files were not added
    }

## Clipboard
clip-select-to-cut = Select the cards to cut first.
clip-select-to-copy = Select the cards to copy first.
clip-copying = Copying { $things }
clip-copy-failed = Could not copy
clip-pasting = Pasting cards
clip-paste-failed = Could not paste
step-paste = Paste { $things }
clip-pasted-with-problems =
    { $count ->
        [one] Pasted, with 1 thing repaired or left out
       *[other] Pasted, with { $count } things repaired or left out
    }
clip-preview-of = preview of { $url }
clip-the-clipboard = the clipboard
clip-picture-left-out = picture “{ $file }”: { $reason }; left out
clip-picture-too-large = picture “{ $file }” was not on the clipboard (too large to copy with the rest); left out
export-html = Web page (HTML)
export-markdown = Markdown
export-png = Picture (PNG)
export-canvas = JSON Canvas
export-pdf = PDF
export-missing-picture = Missing image: { $name }

## Background jobs
job-opening = Opening “{ $board }”
job-open-failed = Could not open the board
job-creating = Creating “{ $board }”
job-folder-failed = Could not create the boards folder
job-new-board-at = New board at { $path }
job-create-failed = Could not create a board
job-saving-copy = Saving a copy as “{ $board }”
job-save-as-failed = Save as failed
job-saved-as = Saved as { $path }
job-reopen-failed = Saved, but could not reopen the copy
job-reading = Reading “{ $board }”
job-merge-no-temp = Could not merge: no temporary folder
job-merge-failed = Could not merge
job-copying-images = Copying the images of “{ $board }”
job-import-failed = Could not import
job-exporting = Exporting as { $format }
job-export-failed = Export failed
job-saving-pack = Saving a pack
job-pack-failed = Pack not saved
job-unpacking = Unpacking
job-unpack-failed = Could not open the pack
job-other-board = Another board was opened meanwhile; what was read for the earlier one was left alone.
job-merge-board-closed = “{ $board }” was to be merged into a board that is closed now; nothing was merged.
step-merge = Merge “{ $board }”
job-merge-nothing = “{ $board }” brought nothing new
job-merge-missing-images =
    { $count ->
        [one] 1 image of “{ $board }” is missing
       *[other] { $count } images of “{ $board }” are missing
    }
job-merge-error = Could not merge “{ $board }”: { $reason }
step-import = Import “{ $board }”
job-canvas-files-as-notes =
    { $count ->
        [one] 1 file of the canvas was added as a note
       *[other] { $count } files of the canvas were added as notes
    }
job-import-error = Could not import “{ $board }”: { $reason }
job-exported = Exported as { $format } to { $path }
job-packed =
    { $count ->
        [one] Saved a pack with 1 image to { $path }
       *[other] Saved a pack with { $count } images to { $path }
    }
job-packed-missing =
    { $count ->
        [one] Saved a pack with 1 image to { $path } ({ $missing } missing left out)
       *[other] Saved a pack with { $count } images to { $path } ({ $missing } missing left out)
    }
job-unpacked = Unpacked to { $path }; open it from File → Open.
job-copied = Copied { $things }
job-copied-left-out =
    { $count ->
        [one] Copied { $things } (1 picture too large to come along: copy fewer at a time)
       *[other] Copied { $things } ({ $count } pictures too large to come along: copy fewer at a time)
    }

## File dialogs
dialog-open = Open a board
dialog-save-as = Save the board as
dialog-images = Add images
dialog-merge = Merge a board into this one
dialog-pack = Save the board and its images as one file
dialog-export = Export as { $format }
dialog-canvas = Import a JSON Canvas file
dialog-filter-boards = Boards and packs
dialog-filter-images-text = Images and text notes
dialog-filter-images = Images
dialog-filter-pack = Moodboard pack
file-dialog-open = Open
file-dialog-save = Save
file-dialog-new-folder = New folder
file-dialog-new-folder-name = New folder
file-dialog-rename = Rename
file-dialog-refresh = Refresh
file-dialog-parent = Parent folder
file-dialog-file = File:
file-dialog-show-hidden = Show hidden files

## Rules
rule-not-voting = Dots are placed in the Vote step of a session.
rule-no-dots-left = You have placed all { $count } of your dots; take one back to move it.
rule-nothing-to-vote-on = Select the ideas to vote on first.
rule-no-dot-to-take = You have no dot on these ideas to take back.
rule-hidden-while-collecting = Reactions and replies wait until collecting is over: no judging yet.
rule-is-a-prompt = A prompt card is answered with ideas, not reactions.
rule-no-such-item = There is no such idea on the board.
rule-no-such-theme = There is no such theme on the board.
rule-empty-reply = A reply needs some words.
rule-not-your-reply = Only the one who wrote a reply can delete it.
rule-nothing-to-move = Everything is in that theme already.
rule-frame-locked = The frame “{ $theme }” is locked: unlock it first to add or take out cards.
rule-locked = Those cards are locked: unlock them (or their frame) first.

## Web
web-link-added-warning = Link added: { $address }, { $warning }.

## Inviting
invite-read-only = This board is read-only here, so ideas from phones could not be saved.
invite-start-failed = Could not start inviting: { $reason }
invite-stopped = Stopped inviting; every idea from the phones is saved.
invite-stopped-failed = Stopped inviting, but the last ideas could not be saved: { $reason }

## Jobs
job-crashed = { $job } stopped unexpectedly (a bug in Moodboard); nothing was changed

## Document
doc-read-only = This board's file is read-only (write-protected), so it cannot be changed here; use Save As… to keep an editable copy.

## The welcome board (written in the language of the first launch)
welcome-board-title = Welcome to Moodboard
welcome-board-description = A tour: every kind of idea, grouped by theme. Change anything — this board is yours.
welcome-goal-collect = Collect first, judge later: every idea gets a place
welcome-goal-outside = Bring in perspectives from outside the team
welcome-theme-start = Start here
welcome-theme-kinds = Every kind of idea
welcome-theme-calm = Slow mornings
welcome-note-add = Add an idea: N note, Q quote, L link, C colour, I images. Or drop files, or paste.
welcome-note-sort = Drag a card into a theme's frame to sort it. Double-click a card to edit its text.
welcome-note-undo = Ctrl+Z undoes anything. The board saves itself; the bar at the bottom says so.
welcome-quote = The most dangerous phrase is: we've always done it this way.
welcome-link-url = https://en.wikipedia.org/wiki/Lateral_thinking
welcome-link-title = Lateral thinking: ways out of cow-thinking
welcome-colour-ignition = Ignition
welcome-sketch-caption = Draw it: press K for a new sketch, or double-click this one
welcome-heading = Headings label parts of the board (H)
welcome-colour-coffee = Coffee
welcome-note-unsorted = Ideas outside the frames are unsorted, waiting for a home.

## Welcome pictures
welcome-caption-rocket = Falcon 9 launch — public domain (SpaceX)
welcome-caption-cat = Chelsea the cat — CC0 (Stefan van der Walt)
welcome-caption-coffee = Coffee — CC0 (Rachel Michetti)

## Undo and redo
actions-undid = Undid: { $step }
actions-undo-failed = Could not undo: { $reason }
actions-redid = Redid: { $step }
actions-redo-failed = Could not redo: { $reason }

## Fields of ideas (the add form, the inspector, the command line and the join page)
field-too-long = { $field } holds at most { $max } characters; this has { $count }.
field-unknown = A { $kind } has no field called { $field }.

## Problems a board file may have (each kept or repaired when the board opens)
problem-not-a-colour = { $hex } is not a #RRGGBB colour; shown as a placeholder
problem-not-an-image-size = { $w } × { $h } pixels is not an image size
problem-not-a-crop = x { $x }, y { $y }, w { $w }, h { $h } is not a part of the picture; the whole picture is shown
problem-not-a-turn = { $quarters } quarter turns is not a turn from 0 to 3; it is read as its remainder
problem-sketch-area = the drawing area is not a size from 1 to 4,000 units; the usual area is used
problem-sketch-points = { $count ->
    [one] a point that is not a number was dropped
   *[other] { $count } points that are not numbers were dropped
}
problem-sketch-empty = { $count ->
    [one] a stroke without points was dropped
   *[other] { $count } strokes without points were dropped
}
problem-sketch-long = { $count ->
    [one] a stroke of more than 2,000 points was cut there
   *[other] { $count } strokes of more than 2,000 points were cut there
}
problem-sketch-many = { $count ->
    [one] a stroke past the bounds of a sketch (1,000 strokes, 100,000 points) was dropped
   *[other] { $count } strokes past the bounds of a sketch (1,000 strokes, 100,000 points) were dropped
}
problem-sketch-style = { $count ->
    [one] a width or colour that is out of range was mended
   *[other] { $count } widths or colours that are out of range were mended
}

## moodboard add: one flag per kind of idea
cli-add-note = A note: the brainwave, in your words
cli-add-quote = A quote: something someone said or wrote
cli-add-by = Who said the quote
cli-add-link = A link to a web page. Its page is fetched once for a preview (title, description, site name and picture) unless --offline is given
cli-add-title = The link's title, instead of the one its page gives
cli-add-colour = A colour swatch, as hex (#E4B363)
cli-add-heading = A heading: words straight on the canvas, to label a part of the board
cli-add-image = Image files or http(s) addresses of images (JPEG, PNG, GIF, WebP, BMP, TIFF or SVG), one or more; each is copied (or downloaded) into the board's assets

## Errors, problems and reasons: what went wrong, said as data by each error type (i18n::Said)
reason-assets-symlink = the assets folder is a symbolic link, which could lead outside the board's folder
reason-assets-is-a-file = this should be a folder but is a file
action-read-assets-folder = read the assets folder
reason-image-symlink = the image is a symbolic link, which could lead outside the board's folder
reason-image-not-a-file = this should be an image file but is not a file
action-read-image = read the image
reason-not-an-image-extension = not an image extension a board can hold
action-create-assets-folder = create the assets folder
action-create-boards-folder = create the boards folder
action-open = open
action-read = read
action-look-at-file = cannot look at the file
action-create-temporary = cannot create a temporary file in its folder
action-write-new-version = cannot write the new version
action-flush-new-version = cannot flush the new version to disk
action-create-backup = cannot create the backup
action-read-previous = cannot read the previous version for the backup
action-write-backup = cannot write the backup
action-replace-backup = cannot replace the backup
action-replace-file = cannot replace the file
action-follow-link = cannot find the file this link leads to
reason-lock-symlink = it is a symbolic link
reason-lock-not-a-folder = it is not a folder
reason-lock-not-a-file = it is not a plain file
reason-lock-other-user = it belongs to another user
action-create-config-folder = cannot create the config folder
action-create-images-folder = cannot create the images folder
error-load-io = { $path }: cannot read: { $reason }
error-load-not-a-file = { $path }: this is { $what }, not a board file
error-load-empty = { $path }: the file is empty; a board starts with `(` followed by `version: 1`
error-load-too-large = { $path }: the file is { $size } bytes; boards larger than { $limit } bytes are refused
error-load-binary = { $path }: this is a binary file, not a Moodboard board (byte { $offset } is { $byte })
error-load-not-utf8 = { $path }:{ $line }:{ $column }: the file is not valid UTF-8 text
error-load-syntax = { $path }:{ $line }:{ $column }: { $message }
error-load-newer = { $path }: this board was written by a newer Moodboard (format version { $found }); this version reads up to format version { $supported }. Update Moodboard to open it.
error-load-unknown-version = { $path }: format version { $found } does not exist; versions start at 1
error-save-no-folder = { $path }: cannot save: the folder { $folder } does not exist
error-save-io = { $path }: cannot save, the file is unchanged: { $action }: { $reason }
field-not-an-address = “{ $text }” is not a web address: give one like https://example.com
error-save-exists = { $path }: there is a board with this name already, and it was left as it is; open it, or choose another name
error-save-read-only = { $path }: the file is read-only (write-protected), so it was not changed; make it writable, or save a copy under another name
error-save-not-a-file = { $path }: this is { $what }, not a file, so it was not replaced
error-save-serialize = { $path }: cannot save: the board could not be written as RON: { $message }
error-save-too-large = { $path }: not saved, the file is unchanged: the board would be { $size } bytes, and boards larger than { $limit } bytes cannot be opened; move some ideas to another board first
error-with-path = { $path }: { $reason }
error-lock-busy = another Moodboard process kept this board busy for { $seconds } seconds; try again
error-lock-io = cannot create the lock file { $path }: { $reason }
error-lock-unsafe = refused to use the lock { $path }: { $reason }; remove it and try again
error-asset-io = { $path }: cannot { $action }: { $reason }
error-asset-refused = { $path }: refused: { $reason }
error-asset-not-a-file = { $path }: this is { $what }, not a file; only plain files are read
error-asset-missing = { $path }: the image file is missing
error-asset-hash = { $path }: the file's content does not match its name (damaged or truncated)
error-asset-too-large = { $path }: { $size } bytes is larger than the { $limit }-byte limit for images
error-open-io = cannot open: { $reason }
error-open-not-a-file = this is { $what }, not a file; only plain files are read
file-kind-folder = a folder
file-kind-fifo = a named pipe (FIFO)
file-kind-socket = a socket
file-kind-device = a device
file-kind-other = not a regular file
io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it already exists
io-disk-full = the disk is full
io-read-only-filesystem = the disk is read-only
io-is-a-folder = it is a folder
io-not-a-folder = a part of the path is not a folder
io-timed-out = it took too long
io-file-too-large = the file is too large for the disk
io-cut-short = the file ends too early
io-other = { $text }
error-edit-no-such-item = the card { $id } is no longer on the board (deleted here or in another copy)
error-edit-no-such-theme = there is no theme { $id }
error-edit-duplicate-item = an item with id { $id } already exists
error-edit-duplicate-theme = a theme with id { $id } already exists
error-edit-no-such-dot = there is no dot { $id }
error-edit-duplicate-dot = a dot with id { $id } already exists
error-edit-no-such-response = there is no response { $id }
error-edit-duplicate-response = a response with id { $id } already exists
error-doc-read-only = this board's file is read-only (write-protected), so it cannot be changed here; use Save As… to keep an editable copy
error-image-not-an-image = not an image file (Moodboard reads JPEG, PNG, GIF, WebP, BMP, TIFF and SVG)
error-image-unsupported = { $format } files are not supported (Moodboard reads JPEG, PNG, GIF, WebP, BMP, TIFF and SVG)
error-image-too-large = { $w } × { $h } pixels is too large (at most { $side } pixels a side and { $megapixels } megapixels)
error-image-over-limits = the image is too large to open safely (at most { $side } pixels a side and { $megapixels } megapixels)
error-image-damaged = the image data is damaged: { $detail }
import-cancelled = cancelled
import-pasted-failed = the pasted picture: { $reason }
import-crashed = { $name }: the import stopped unexpectedly (a bug in Moodboard)
import-note-too-long = { $kib } KiB is too long for a note (at most { $max } KiB)
import-note-not-utf8 = not UTF-8 text, so it cannot become a note
import-pasted-wrong-size = it has the wrong number of pixels
import-pasted-not-encoded = cannot encode it: { $detail }
web-bad-address = { $address } is not a web address
web-scheme = only http and https addresses are fetched, not { $scheme }: addresses
web-credentials = the address holds a user name or password, which Moodboard never sends
web-redirect-scheme = redirected to a { $scheme }: address, which is not followed
web-redirect-credentials = redirected to an address with a user name or password, which is not followed
web-too-many-redirects = redirected more than { $count } times
web-redirect-nowhere = the server answered a redirect without saying where to
web-status = the server answered { $status }
web-host-not-found = no server was found for { $host }
web-connect = could not connect to { $host }: { $reason }
web-refused = the connection was refused
web-connect-timeout = gave up after { $seconds } s without an answer
web-timeout = took longer than { $seconds } s
web-too-large = the server kept sending past { $mb } MB
web-announced = the server said it would send { $mb } MB, more than the { $max } MB an image may be
web-not-an-image = the address gave { $what }, not an image
web-broken = the connection broke: { $detail }
web-tls = the secure connection failed: { $detail }
web-not-public = { $host } is at { $address }, on this computer or a private network; a server may lead only to public addresses or back to the address you typed
web-no-preview = no preview: { $reason }
web-no-preview-picture = no preview picture: { $reason }
web-no-title = no preview: the page gives no title
pack-not-a-zip = { $path }: not a pack (zip) file: { $detail }
pack-entry-refused = { $path }: entry { $entry } refused: { $reason }; nothing was unpacked
pack-invalid = { $path }: { $reason }; nothing was unpacked
pack-not-written = the board could not be written as RON: { $detail }
pack-board-not-utf8 = the board file inside is not UTF-8 text
pack-cannot-create = cannot create { $path }: { $reason }
pack-entry-altered = its content does not match its name (damaged or altered)
pack-duplicate-names = two of its entries have the same name; a pack names each file once
pack-too-many-entries = it has { $count } entries; a pack holds at most { $max }
pack-name-not-utf8 = its name is not UTF-8
pack-entry-link = it is a link; packs hold only plain files
pack-entry-bomb = it expands { $size } bytes from { $packed } (a zip bomb?)
pack-too-big = the pack would unpack to more than 4 GiB
pack-entry-folder = packs hold no folders but NAME.assets/
pack-board-too-large = the board file is larger than 64 MiB
pack-two-boards = a pack holds one board
pack-entry-stray = not a board file or an image in NAME.assets/
pack-image-too-large = the image is larger than 256 MiB
pack-no-board = it holds no NAME{ $suffix } file
pack-board-no-name = the board has no name
pack-images-elsewhere = images belong in { $folder }/
pack-name-empty = it has no name
pack-name-absolute = it is an absolute path
pack-name-backslash = it contains a backslash
pack-name-colon = it contains a colon (a drive letter or stream name)
pack-name-control = it contains control characters
pack-name-dots = it contains an empty, '.' or '..' part
pack-entry-unreadable = cannot be read: { $reason }
pack-entry-longer = it holds more than its header says
plain = { $text }
clip-too-large = the cards on the clipboard are too large to paste ({ $size } bytes; at most { $limit })
clip-newer = the cards on the clipboard come from a newer Moodboard (format version { $found }; this one reads up to { $supported })
clip-damaged = the cards on the clipboard are damaged: line { $line }, column { $column }: { $message }
canvas-not-json-canvas = { $path }:{ $line }:{ $column }: not a JSON Canvas file: { $message }
canvas-too-large = larger than 64 MiB
canvas-too-many-nodes = { $count } nodes; at most { $max } are imported
export-no-such-theme = there is no theme called { $name } on this board
png-empty = the board has nothing to draw
png-not-encoded = cannot encode the picture: { $detail }
keyboard-enter-frame = In the frame “{ $frame }”
keyboard-no-frame = Outside the frames
pdf-not-written = cannot make the PDF: { $detail }

## The PDF recap
pdf-untitled = Untitled board
pdf-recap = Recap
pdf-page = { $title } · page { $page } of { $pages }
pdf-no-frame = Not in a frame
pdf-counts = { $ideas ->
        [one] 1 idea
       *[other] { $ideas } ideas
    } in { $frames ->
        [0] no frames
        [one] 1 frame
       *[other] { $frames } frames
    }
pdf-goals = Goals
pdf-outcome = Outcome
pdf-no-session = No session was held on this board yet: no dots or reactions to report.
pdf-most-dots = Most dots:
pdf-idea-dots = { $idea } — { $count ->
        [one] 1 dot
       *[other] { $count } dots
    }
pdf-totals-hidden = The vote totals are not revealed yet.
pdf-reactions = Reactions: { $reactions }
pdf-answered = { $answered } of { $ideas ->
        [one] 1 idea
       *[other] { $ideas } ideas
    } answered with a reaction or a reply
pdf-contributors = Who brought ideas
pdf-someone = someone
pdf-contents = Frames
pdf-contents-line = { $frame } — { $ideas ->
        [one] 1 idea
       *[other] { $ideas } ideas
    }, page { $page }
pdf-frame-ideas = { $count ->
        [one] 1 idea
       *[other] { $count } ideas
    }
host-cannot-listen = cannot listen on { $addr }: { $reason }
host-cannot-start = cannot start the server: { $reason }
save-crashed = { $path }: the save stopped unexpectedly (a bug in Moodboard); the file is unchanged
save-merge-failed = { $path }: the file changed elsewhere and its changes could not be merged in ({ $reason }); the file is unchanged
job-failed = { $what }: { $reason }
job-crashed-said = { $what } stopped unexpectedly (a bug in Moodboard); nothing was changed
sync-not-moved = merged, but not moved: { $reason }
sync-another-board = it is another board (id { $id }), not a copy of this one; left alone
host-stopped-unexpectedly = the join server stopped unexpectedly
host-kept-for-later = { $count ->
    [one] 1 idea from the join page could not be written to the board ({ $why }); the board with it is kept in { $path }: merge that into the board once it can be written
   *[other] { $count } ideas from the join page could not be written to the board ({ $why }); the board with them is kept in { $path }: merge that into the board once it can be written
}
host-lost-at-stop = { $count ->
    [one] 1 idea from the join page could not be written anywhere: { $why }
   *[other] { $count } ideas from the join page could not be written anywhere: { $why }
}
problem-line = { $subject }, field `{ $field }`: { $message }
problem-item = item #{ $n } (id { $id }, { $kind })
problem-theme = theme “{ $name }”
problem-theme-at = theme “{ $name }” (#{ $n })
problem-board = board
problem-session = session
problem-vote = vote #{ $n }
problem-response = response #{ $n }
problem-any = item, theme, dot or response { $id }
problem-image = image { $asset } (item { $id })
problem-id-twice = id { $old } is used twice; this one now has id { $fresh }
problem-copy-twice = is in the file twice, the same both times; kept once
problem-theme-colour = { $colour } is not a #RRGGBB colour; shown in grey
problem-position = ({ $x }, { $y }) is not a usable position; moved to ({ $to_x }, { $to_y })
problem-size = { $w } × { $h } is not a usable size; now { $to_w } × { $to_h }
problem-no-theme = there is no theme { $theme }; the item is now unsorted
problem-alive-and-deleted = is both on the board and marked deleted; kept on the board
problem-frame = is not a rectangle on the board; it now goes around its cards
problem-frames-tidied = { $why }; frames and cards were tidied
problem-reply-long = a reply of { $count } characters is shortened to { $max }
problem-dots = { $count } dots per person is more than { $max }; set to { $max }
problem-timer = a timer of { $secs } seconds is out of range; stopped and set to { $set }
problem-assets-missing = the assets folder { $folder } is missing; { $count ->
        [one] its image is shown as a placeholder
       *[other] its { $count } images are shown as placeholders
    }
problem-asset = { $reason }; shown as a placeholder
refused-change-other-board = their version of { $what }: another board may add ideas, not change ours
refused-deletion-other-board = their deletion of { $what }: another board may add ideas, not remove ours
refused-revival-other-board = { $what }, which was deleted here: another board cannot bring it back
refused-change-future = a change to { $what } dated { $at }, { $ahead } ahead of this computer's clock: if today is { $today }, the computer it was made on has its date set wrong; if it is not, this computer's date is wrong
refused-deletion-future = the deletion of { $what } dated { $at }, { $ahead } ahead of this computer's clock: if today is { $today }, the computer it was made on has its date set wrong; if it is not, this computer's date is wrong
refused-new-future = { $what }, new, dated { $at }, { $ahead } ahead of this computer's clock: if today is { $today }, the computer it was made on has its date set wrong; if it is not, this computer's date is wrong
refused-change-unconfirmed = their version of { $what }: not taken without your say-so
refused-deletion-unconfirmed = their deletion of { $what }: not taken without your say-so
refused-revival-unconfirmed = { $what }, which was deleted here: not brought back without your say-so
refused-id-of-another-kind = their { $what }: it has the id of { $ours } here, and an id names one thing
merge-what-unknown = something this board does not have (id { $id })
ahead-days = { $count ->
    [one] one day
   *[other] { $count } days
}
ahead-months = { $count } months
ahead-years = { $count ->
    [one] a year
   *[other] { $count } years
}
merge-copy-asks = This is a copy of this board, and besides new ideas it changes or removes what is here (below). Take all of it only if you trust where it came from; otherwise take only its new ideas.
merge-everything = Merge everything
merge-new-only = Only new ideas
merge-what-item = { $kind } “{ $summary }”
merge-what-theme = theme “{ $name }”
merge-what-dot = a dot by { $by }
merge-what-reply = a reply by { $by }
merge-what-reaction = a reaction by { $by }
merge-what-meta = the board's title, description and goals
merge-what-session = the session's step and settings
merge-line-added = { $kind }: { $summary } (new from { $from }, added by { $who })
merge-line-added-from = { $kind }: { $summary } (new from { $from }, added by { $who }, { $source })
merge-line-moved = { $kind }: { $summary } (moved, resized or re-sorted)
merge-line-changed = { $kind }: { $summary } (changed)
merge-line-removed = { $what }
merge-line-removed-by = { $what } (removed by { $by })
suggest-reason-word = the word “{ $word }”
suggest-reason-tag = tag #{ $tag }

## The participant page (the join server's page on phones)
page-title = Moodboard: join the session
page-goals = Goals
page-join-heading = Join the session
page-name = Your name (optional)
page-name-hint = e.g. Ann
page-join = Join
page-your-idea = Your idea
page-kind = Kind of idea
page-theme = Theme
page-no-theme = No theme
page-anonymous = Add anonymously (no name anywhere)
page-add = Add
page-photo = 📷 Photo
page-sketch = ✏ Sketch
page-sketch-paper = Drawing paper: draw with a finger
page-sketch-inks = Ink
page-sketch-undo = Undo stroke
page-sketch-send = Send sketch
page-photo-label = Add a photo
page-ideas = Ideas
page-language = Language
page-connecting = Connecting…
page-your-ideas = Your ideas
page-private-note = Private collect: nobody sees anyone else's ideas until the next step.
page-give-dot = ● Give a dot
page-give-dot-to = Give a dot to: { $name }
page-take-dot = Take a dot back
page-take-dot-from = Take a dot back from: { $name }
page-no-dots-left = No dots left: take one back to move it.
page-not-now = Not in this step.
page-reply = Reply
page-reply-to = Reply to: { $name }
page-reply-send = Send reply to: { $name }
page-reply-hint = Yes, and…
page-said-by = said by { $by }
page-from = from { $who }
page-yours = yours
page-added = Added. Next one?
page-photo-added = Photo added.
page-sketch-sent = Sketch added.
page-sketch-empty = Draw something first.
page-sketch-full = This sketch is full: send it, then start another.
page-offline = Not connected; trying again…
page-ended = The session has ended. Thank you! What you saw stays on this page.
page-step = Step: { $step }
page-time-left = { $time } left
page-picture = picture
page-colour = colour { $name }
page-locked = 🔒 Locked by the facilitator
page-theme-locked = { $theme } (🔒 locked)
page-full = The board is full: this session takes no more ideas.
page-dots-left = { $count ->
    [one] 1 dot left (tap an idea to give it a dot)
   *[other] { $count } dots left (tap an idea to give it a dot)
}
page-dots = { $count ->
    [one] 1 dot
   *[other] { $count } dots
}

## About
about-version = Version { $version }
about-what = A moodboard for teams: collect pictures, quotes, links, notes and colours first, judge them later. Every board is a plain text file (RON) that you own; send it, merge it, keep it in git.
about-files = Boards are written in file format version { $version }, described in docs/FORMAT.md of the Moodboard source.
about-boards = New boards go in { $folder }.
about-licence = Licence: { $licence }

## Command line (what `moodboard` says: in the language of the environment, LANG and its kin)
cli-created = created { $path } “{ $title }” with { $goals ->
        [0] no goals
        [one] 1 goal
       *[other] { $goals } goals
    } (format version { $version })
cli-packed = packed { $board } with { $images ->
        [0] no images
        [one] 1 image
       *[other] { $images } images
    } into { $target }
cli-imported = imported { $file }: { $items ->
        [one] 1 idea
       *[other] { $items } ideas
    }, { $themes ->
        [0] no new themes
        [one] 1 new theme
       *[other] { $themes } new themes
    }{ $connectors ->
        [0] {""}
        [one] , 1 connector
       *[other] , { $connectors } connectors
    }
cli-arranged = arranged { $frames ->
        [0] no frames
        [one] 1 frame
       *[other] { $frames } frames
    } and moved { $moved ->
        [one] 1 card
       *[other] { $moved } cards
    }; the board is now { $width } × { $height }
cli-host-stopped = stopped: { $joined ->
        [one] 1 person
       *[other] { $joined } people
    } joined, { $ideas ->
        [one] 1 idea
       *[other] { $ideas } ideas
    } added; everything is saved in { $path }
cli-check-ok = ok: { $path } — “{ $title }”, { $items ->
        [one] 1 item
       *[other] { $items } items
    }, { $themes ->
        [one] 1 theme
       *[other] { $themes } themes
    }, { $images ->
        [one] 1 image
       *[other] { $images } images
    } verified
cli-check-problems = { $path }: { $count ->
        [one] 1 problem
       *[other] { $count } problems
    } found
cli-sync-failed = { $count ->
        [one] 1 conflict copy
       *[other] { $count } conflict copies
    } could not be merged

cli-error = error: { $text }
cli-warning = warning: { $text }
cli-note = note: { $text }
cli-internal-error = internal error (a bug in Moodboard); nothing was saved
cli-see-help = { $error } (see `moodboard --help`)
cli-mistyped = `{ $word }` is not a command, and there is no board of that name here; to start one: `moodboard new { $word }` (see `moodboard --help`)
cli-mistyped-near = `{ $word }` is not a command (did you mean `moodboard { $command }`?), and there is no board of that name here; to start one: `moodboard new { $word }` (see `moodboard --help`)
cli-empty-title = the title is empty
cli-empty-goal = a goal is empty
cli-empty-contributor = the contributor (--as) is empty
cli-empty-source = the source is empty
cli-empty-match = the text to match is empty
cli-no-such-board = { $path }: no such board; create it with `moodboard new { $path }`
cli-many-goals = { $count } goals given; a board works best with one or two
cli-serving = serving { $path } until Ctrl+C (or SIGTERM)
cli-host-not-saved = { $path }: the last ideas could not be saved: { $reason }
cli-session = step: { $step } · private collect: { $private } · hide contributors: { $hide } · dots: { $dots } · totals revealed: { $revealed }
cli-no-item-matches = no item on { $path } matches “{ $text }”; nothing removed
cli-no-such-item = { $path }: there is no item “{ $id }”; nothing removed (see `moodboard show --ids`)
cli-item-locked = item { $id } ({ $summary }) is locked; unlock it in the app first. Nothing removed
cli-removed = removed { $id } { $kind }: { $summary }
cli-ideas = { $count ->
        [one] 1 idea
       *[other] { $count } ideas
    }
cli-lens-source = source { $name }: { $percent }% ({ $count })
cli-lens-contributors-hidden = contributors: hidden during this session
cli-lens-contributor = contributor { $name }: { $percent }% ({ $count })
cli-lens-theme = theme { $name }: { $percent }% ({ $count })
cli-lens-outside-in = outside-in: { $percent }%
cli-lens-look-next = look next: { $text }
cli-downloading = downloading { $source } …
cli-added = added { $kind } { $id } to { $path }
cli-added-in-theme = added { $kind } { $id } to { $path } in theme “{ $theme }”
cli-added-in-new-theme = added { $kind } { $id } to { $path } in new theme “{ $theme }”
cli-not-added = not added: { $reason }
cli-nothing-added = nothing added to { $path }
cli-some-not-added = { $refused } of { $total } images not added to { $path } (the others were)
cli-decoder-stopped = { $source }: the image could not be read (the decoder stopped)
cli-import-stopped = the import stopped unexpectedly (a bug in Moodboard)
cli-offline-not-downloaded = { $source }: not downloaded (--offline)
cli-not-web-address = “{ $url }” is not a web address; added without a preview
cli-no-cache-folder = there is no cache folder on this system; set MOODBOARD_CACHE_DIR
cli-reading-boards = Reading boards: { $done } of { $total }
cli-cannot-be-read = cannot be read: { $problem }
cli-no-such-kind = there is no kind “{ $name }”; kinds are { $kinds }
cli-not-a-day = --since “{ $day }” is not a day: give it as YYYY-MM-DD, like 2026-05-01
cli-nothing-to-search = nothing to search for: give some words, or --kind, --tag, --by or --since
cli-nothing-found = Nothing found.
cli-live-offline = the app is set to work offline (Preferences): a live board needs connections; turn that off first
cli-bad-relay = --relay { $url }: { $reason }
cli-no-editor-ticket = this copy may not let editors in
cli-no-guest-ticket = this copy may not let guests in
cli-live-sharing-editors = sharing { $path } with an editors' ticket
cli-live-sharing-guests = sharing { $path } with a guests' ticket
cli-live-in-step = keeping the copy in step
cli-live-keeping = keeping { $path } available
cli-live-running = live: { $doing }, through { $relay }, until Ctrl+C
cli-ticket-refused = the peer this copy joined refused its ticket; ask for a new one
cli-merged-branch = moodboard: merged the other branch's board: { $summary }
cli-merge-driver-not-applied = moodboard: not applied: { $refusal }
cli-not-applied = not applied: { $refusal }
cli-merge-target-exists = { $target }: already exists; merge into it with `moodboard merge { $target } { $other }`
cli-merged = merged { $other } into { $target }: { $summary }
cli-would-merge = would merge { $other } into { $target }: { $summary }
cli-merge-another-board = (another board: it may only add ideas; nothing of this board is changed or removed)
cli-merge-copy-hint = (a copy of this board: only its new ideas were taken; if you trust where it came from, run again with --accept-deletions to take its deletions and changes too)
cli-dry-run = dry run: nothing was written
cli-no-conflict-copies = no conflict copies of { $path } found
cli-sync-merged = merged { $copy }: { $summary }; moved to { $to }
cli-image-left-out = image { $name } is missing and was left out
cli-unpacked = unpacked { $pack } to { $board }
cli-exported = exported { $board } as { $format } to { $target }
cli-nothing-imported = nothing was added to { $path }
cli-added-as-note = { $what }; added as a note instead
cli-left-out = { $what }; left out
cli-show-no-goals = Goals: none yet
cli-show-items = { $count ->
        [0] no items
        [one] 1 item
       *[other] { $count } items
    }
cli-show-session = Session

## Exports in the chosen language (HTML, Markdown, PNG; the recap lines `moodboard show` prints too)
recap-goals = Goals
recap-session = Session recap
recap-contributors = Contributors: { $list }
recap-dots = { $count ->
        [one] 1 dot
       *[other] { $count } dots
    }
recap-idea-dots = { $idea } ({ $count ->
        [one] 1 dot
       *[other] { $count } dots
    })
recap-most-dots = Most dots: { $list }
recap-not-revealed = Vote totals not revealed yet.
recap-answered = { $answered } of { $ideas ->
        [one] 1 idea
       *[other] { $ideas } ideas
    } answered with a reaction or reply
recap-the-frame = the frame “{ $name }”
recap-image = Image: { $name }
recap-sketch = Sketch ({ $count ->
        [one] 1 stroke
       *[other] { $count } strokes
    })
recap-colour = Colour { $hex } { $name }
recap-source = source

## Live boards (Share live…, Join live…)
cmd-share-live = Share live…
cmd-share-live-help = Edit this board together with teammates, each on their own computer: a ticket to give, no server, no account
cmd-join-live = Join live…
cmd-join-live-help = Paste a teammate's live ticket: a copy of their board in your boards folder, kept in step
live-title = Share live
live-explain = Give this ticket to a teammate: with Join live… in the File menu they get their own copy of the board, and every change goes both ways while you are both online.
live-ticket-for = Ticket for
live-editor = an editor
live-editor-help = Adds, changes and deletes, like you
live-guest = a guest
live-guest-help = Sees everything and may only add ideas
live-ticket-label = The live ticket: { $ticket }
live-copy = Copy ticket
live-copy-help = Copy the ticket to paste in a mail or chat
live-copied = Ticket copied.
live-nobody = Nobody else is here yet.
live-who = { $count ->
        [one] Here: { $names }
       *[other] { $count } here: { $names }
    }
live-relay = Connections: direct where possible, else through { $relay }.
live-log = What happened
live-new-ticket = New ticket
live-new-ticket-help = New secrets: every ticket given before stops working
live-stop = Stop sharing
live-stop-help = Close every connection; your board stays as it is
live-starting = Going live…
live-here = { $count ->
        [0] Live · only you
        [one] Live · 1 here
       *[other] Live · { $count } here
    }
live-offline-trying = Live · offline, trying again
live-status-help = Who is here, the ticket, Stop sharing
live-status-label = Live board: { $status }
live-join-title = Join a live board
live-join-explain = Paste the ticket a teammate gave you. Your copy goes into your boards folder and stays in step while you are both online.
live-join-hint = moodboard-live:…
live-join-field = Live ticket
live-join = Join
live-joining = Joining…
live-offline = Moodboard is set to work offline (Work offline, in the Add menu): a live board needs connections.
live-read-only = This board is read-only here, so changes from teammates could not be saved.
live-start-failed = Could not go live
live-join-failed = Could not join the live board
live-stopped = Stopped sharing live; the board stays as it is.
live-joined = Joined “{ $board }” live.
live-refused = { $name } sent something that is not allowed and was disconnected: { $reason }
live-revoked = The live board refused this copy's ticket ({ $reason }); ask for a new one.
job-live-starting = Going live
job-live-joining = Joining “{ $board }”
live-pointer = { $name }'s pointer
live-follow = Follow
live-follow-name = Follow { $name }
live-follow-help = See what { $name } sees, as they move; moving the board yourself stops it
live-following = Following { $name } · Esc or move the board to stop
live-stop-following = Stop following
live-stop-following-name = Stop following { $name }
live-follow-ended = The person you followed left the board.
live-bring-everyone = Bring everyone to me
live-bring-everyone-help = Everyone on the board follows what you see, until they move the board themselves
live-brought-everyone = { $count ->
        [one] 1 person now follows what you see.
       *[other] { $count } people now follow what you see.
    }
live-brought = { $name } brought everyone to what they see: you follow them until you move the board.
live-lan-only = LAN only: no relay
live-lan-only-help = Only direct connections (the same network, a VPN): nothing goes through a relay on the internet. Applies to the next start or join.
live-bad-relay = The relay in the preferences ({ $url }) is not a web address: { $reason }
live-start-failed-because = Could not go live: { $reason }
live-no-relay = Connections: direct only, no relay (LAN only).
live-from = { $name } (live)

live-role-editor = editor
live-role-guest = guest
live-relay-public = n0's public relays where no direct path can be made
live-relay-own = the relay { $url }
live-relay-none = no relay (LAN only)
live-event-joined = here: { $name } ({ $role })
live-event-left = left: { $name } ({ $why })
live-event-received = from { $from }: { $added } added, { $changed } changed, { $removed } removed
live-event-not-applied = not applied, from guest { $from }: { $what }
live-event-picture = picture from { $from }: { $asset }
live-event-refused = refused: { $from } was disconnected: { $why }
live-event-offline = offline: { $why }; trying again
live-event-revoked = ticket refused: { $why }
live-event-unreadable = the board file cannot be read: { $why }
live-event-full = refused a connection: { $limit } are open already
## The library: every board, found again (src/library)
library-error-folder = cannot make the library's folder { $path }: { $reason }
library-error-index = the search index in { $path } cannot be used: { $reason }
library-error-busy = another Moodboard is updating the search index in { $path }; try again in a moment
library-error-catalog = cannot save the library's list of boards: { $reason }
library-no-cache = This system names no cache folder, so the library cannot keep its list and index; set MOODBOARD_CACHE_DIR
library-search = Search the library
library-search-hint = Filter boards, find ideas on all of them…
library-kind = Only ideas of this kind
library-kind-label = Kind
library-sort-label = Order
library-every-kind = Every kind
library-sort = How the boards are listed
library-sort-changed = Last changed first
library-sort-title = By title
library-reading = Reading boards: { $done } of { $total }
library-tags = Tags
library-tag-help = Show every card tagged #{ $tag } ({ $count }), on any board
library-searching = Looking…
library-no-ideas = No ideas found
library-ideas = { $count ->
    [one] 1 idea: Enter opens it
   *[other] { $count } ideas: Enter opens the first, the arrow keys choose
}
library-ideas-many = The first { $count } ideas: type more words to narrow them
library-unsorted = unsorted
library-on-board = on { $board }
library-by = by { $name }
library-open-idea = Open { $board } at “{ $idea }”
library-listing = Looking for boards…
library-boards = { $count ->
    [one] 1 board
   *[other] { $count } boards
}
library-empty = No boards here yet: File → New board starts one.
library-ideas-themes = { $ideas ->
    [one] 1 idea
   *[other] { $ideas } ideas
} · { $themes ->
    [one] 1 theme
   *[other] { $themes } themes
}
library-people = by { $people }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
}
library-changed = changed { $when }
library-open = Open
library-picture = What { $board } looks like
library-open-board = Open { $board }
library-unreadable = Cannot be read
library-idea-gone = That idea is no longer on the board (deleted since it was found).
library-trash-failed = cannot move { $path } to the trash or back: { $reason }
library-not-in-trash = { $path } is no longer in the trash (emptied since?)
library-new-title = New title
library-rename = Rename…
library-duplicate = Duplicate
library-copy-title = { $title } (copy)
library-reveal = Show in the file manager
library-move-to-trash = Move to the trash
library-open-not-trashed = This board is open: open another one before moving it to the trash.
library-more = More for { $board }
library-trashed = “{ $board }” is in the trash.
library-undo-trash = Undo (Ctrl+Z)
library-untrashed = “{ $board }” is back from the trash.
library-duplicated = Made { $path }
library-reveal-failed = Could not show { $path } in the file manager: { $reason }
library-inbox = Inbox
send-move-heading = { $count ->
    [one] Move 1 card to …
   *[other] Move { $count } cards to …
}
send-copy-heading = { $count ->
    [one] Copy 1 card to …
   *[other] Copy { $count } cards to …
}
send-filter = Board
send-filter-hint = Type to find a board
send-cancel = Cancel
send-select-first = Select the cards to send to another board first.
send-moved = Moved { $things } to “{ $board }”.
send-copied = Copied { $things } to “{ $board }”.
step-move-to-board = Move { $things } to “{ $board }”
action-create-templates-folder = create the templates folder
template-empty = Empty board
template-empty-about = Nothing on it yet: start collecting.
template-moodboard = Moodboard
template-moodboard-about = Frames for colour, texture, light and shape.
template-brainstorm = Brainstorm
template-brainstorm-about = A session collecting privately from the start, then clustering: frames Collect and Cluster, three dots each.
template-retrospective = Retrospective
template-retrospective-about = What went well, what could be better, what to try, and thanks; collecting from the start.
template-frame-colour = Colour
template-frame-texture = Texture
template-frame-light = Light
template-frame-shape = Shape
template-frame-collect = Collect
template-frame-cluster = Cluster
template-frame-went-well = Went well
template-frame-better = Could be better
template-frame-try = Ideas to try
template-frame-thanks = Thanks
new-board-start-from = Start from
new-board-saved-template = { $title } (your template)
cmd-save-as-template = Save as template
cmd-save-as-template-help = Keep this board's frames, cards and session settings as a starting point for new boards
library-template-kept = Kept as a template: { $path }
library-no-templates-folder = This system names no configuration folder to keep templates in; set MOODBOARD_CONFIG_DIR
dialog-library-folder = A folder for the library to look in
library-folders = Looking in
library-add-folder = Add a folder…
library-remove-folder = Stop looking in { $folder }
library-remove-folder-help = Stop looking in this folder (its boards stay where they are)
library-captured = { $count ->
    [one] 1 idea in the inbox
   *[other] { $count } ideas in the inbox
}
library-capture-hint = Files dropped here, and pictures or text pasted while the search field is not being typed in, go to the inbox.
library-person-label = Person
library-everyone = Everyone
library-since-label = Added
library-since-any = Any time
library-since-week = In the last 7 days
library-since-month = In the last 30 days
library-since-year = In the last year
cmd-moving-pictures = Play moving pictures
cmd-moving-pictures-help = Animated GIF and WebP pictures play on their cards while in view; off, they show their first frame
card-pause-label = Pause the moving picture
card-play-label = Play the moving picture

## Connectors: arrows between cards and frames

error-edit-no-such-connector = there is no connector with id { $id }
error-edit-duplicate-connector = a connector with id { $id } already exists
connector-missing-end = its end { $id } is not on the board
connector-to-itself = it goes from { $id } to itself
connector-label-long = its label has { $count } characters, more than { $max }
refused-connector-end-gone = { $what }: left out, as one of its ends is no longer on the board
merge-what-connector = a connector
merge-what-connector-labelled = the connector “{ $label }”
merge-connectors-new =
    { $count ->
        [one] 1 new connector
       *[other] { $count } new connectors
    }
merge-connectors-changed =
    { $count ->
        [one] 1 connector changed
       *[other] { $count } connectors changed
    }
merge-connectors-removed =
    { $count ->
        [one] 1 connector removed
       *[other] { $count } connectors removed
    }
problem-connector = connector #{ $n }
problem-connector-label = the label was more than one line or longer than { $max } characters; it is kept on one line within that
problem-connector-dropped = left out: { $why }
connector-describe = Connector from “{ $from }” to “{ $to }”
connector-describe-labelled = Connector from “{ $from }” to “{ $to }”: { $label }
connector-handle-top = Draw a connector from the top edge
connector-handle-right = Draw a connector from the right edge
connector-handle-bottom = Draw a connector from the bottom edge
connector-handle-left = Draw a connector from the left edge
connector-handle-help = Drag to another card or a frame to connect them
connect-need-two = Select two cards to connect them (Shift+click the second)
step-connect = Connect
step-connector-label = Label the connector
step-connector-style = Restyle the connector
step-connector-reverse = Reverse the connector
step-connector-delete = Delete the connector
inspector-connector = Connector
inspector-connector-ends = From “{ $from }” to “{ $to }”
inspector-connector-label = Label
inspector-connector-label-hint = a few words on the line
inspector-connector-heads = Arrow heads
inspector-connector-dashed = Dashed
inspector-connector-reverse = Reverse
inspector-connector-delete = Delete connector
inspector-connector-by = Drawn by { $who }
connector-heads-end = At the end
connector-heads-both = At both ends
connector-heads-none = None
cmd-connect = Connect selected cards
cmd-connect-help = An arrow from the first of two selected cards (left to right) to the other; or drag from a handle on a selected card's edge
job-canvas-edges-left-out =
    { $count ->
        [one] 1 edge of the canvas was left out
       *[other] { $count } edges of the canvas were left out
    }
canvas-too-many-edges = { $count } edges; at most { $max } are imported
