package ingest

// SetStreamBatch lets tests stream JSON Lines in small batches.
func SetStreamBatch(n int) (restore func()) {
	old := streamBatch
	streamBatch = n
	return func() { streamBatch = old }
}
