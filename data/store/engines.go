package store

// CheckBody refuses an article a project cannot hold (an empty body, or one
// that is not UTF-8): the rule every engine applies on import.
func CheckBody(a Article) error { return checkBody(a) }

// CheckTag trims a tag's name, gives it the default colour when it has
// none, and refuses an empty name or a colour not of the form #rrggbb.
func CheckTag(t *Tag) error { return checkTag(t) }
