package exchange

// coders lists the project's Users as an export meets them: the analyst
// exporting first, then each member of a shared project who created or
// changed a coded item. A user's GUID depends on the name only, so the same
// member has the same GUID in every export.
type coders struct {
	list *qdeUsers
	seen map[string]string // name → GUID
}

// ref returns the GUID of the user name, adding the user on first sight;
// "" for no name (a project file records none).
func (c *coders) ref(name string) string {
	if name == "" {
		return ""
	}
	if g, ok := c.seen[name]; ok {
		return g
	}
	if c.seen == nil {
		c.seen = map[string]string{}
	}
	g := guid("user", name)
	c.seen[name] = g
	c.list.User = append(c.list.User, qdeUser{GUID: g, Name: name})
	return g
}
