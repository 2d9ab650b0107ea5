
## The sticker kind (added by tests/kind_recipe.rs)
kind-sticker = Sticker
kind-sticker-lower = sticker
toolbar-new-sticker = New sticker
capture-add-sticker = Add sticker
cmd-add-sticker = New sticker…
cmd-add-sticker-help = Stick a word or a sign on the board
cli-add-sticker = A sticker: a word or a sign stuck on the board
sticker-sign = Sign
sticker-sign-hint = A word or a sign: wow, ★, ?!
sticker-need-sign = The sign is empty: type it first.
step-change-sticker = Change sticker
