package ingest

// SetStreamProgressStep lets tests see progress reports from small JSON
// Lines files.
func SetStreamProgressStep(n int64) (restore func()) {
	old := streamProgressStep
	streamProgressStep = n
	return func() { streamProgressStep = old }
}
