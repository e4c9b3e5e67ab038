package model

// Who names the members of a shared project who created an item and who last
// changed it (filled by the store on read, ignored on create and update). A
// project file belongs to one analyst and records no names: both are empty.
type Who struct {
	CreatedBy string
	ChangedBy string
	// Version is the row version the item was read at (opaque, engine's
	// own). An engine that fills it refuses to save a whole item over a
	// newer change of the same item; empty (an item built by code, or an
	// engine with one writer) saves without that check.
	Version string
}

// Coder is the member an export credits an item to: who last changed it,
// else who created it ("" when the project records no names).
func (w Who) Coder() string {
	if w.ChangedBy != "" {
		return w.ChangedBy
	}
	return w.CreatedBy
}
