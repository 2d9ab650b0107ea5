
## De sticker (toegevoegd door tests/kind_recipe.rs)
kind-sticker = Sticker
kind-sticker-lower = sticker
toolbar-new-sticker = Nieuwe sticker
capture-add-sticker = Sticker toevoegen
cmd-add-sticker = Nieuwe sticker…
cmd-add-sticker-help = Plak een woord of teken op het bord
cli-add-sticker = Een sticker: een woord of teken op het bord
sticker-sign = Teken
sticker-sign-hint = Een woord of teken: wow, ★, ?!
sticker-need-sign = Het teken is leeg: typ het eerst.
step-change-sticker = Sticker wijzigen
