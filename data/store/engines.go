package store

// CheckBody refuses an article a project cannot hold (an empty body, or one
// that is not UTF-8): the rule every engine applies on import.
func CheckBody(a Article) error { return checkBody(a) }
