// Package widgets holds Attaché's reusable Fyne widgets. They know nothing of the
// store: callers hand them plain text, rune offsets, colours and callbacks.
//
//   - [ArticleView] shows a long article body as wrapped, readable text. It lays out
//     lines itself (see [TextLayout]), builds canvas objects only for the lines in view,
//     draws translucent highlights behind spans, underlines entity mentions, and lets the
//     reader select text by drag, double-click (a word) and shift-click, copy it with
//     Ctrl+C, and map between screen positions and rune offsets.
//   - [Picker] is a fuzzy picker: a query entry above a list of matches whose matched
//     letters are emphasised, driven by the keyboard (Up, Down, Enter, Escape), with an
//     optional row that creates a new item from the query.
//   - [HighlightLabel] is a one-line label that emphasises chosen runes, for list rows.
//
// Offsets are Unicode code-point (rune) offsets, start inclusive and end exclusive, the
// same convention as the data model. All methods must be called on the Fyne UI
// goroutine (use fyne.Do from other goroutines).
package widgets
