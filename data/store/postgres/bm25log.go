package postgres

import "modernc.org/libc"

// ftsLog is the natural logarithm as the project file's bm25() takes it:
// the C library's log, which modernc.org/sqlite runs translated to Go. Go's
// math.Log differs from it in the last bit for some arguments, and a rank
// should be the project file's to the last bit (the command line prints it
// in full). log only touches its thread state for arguments that are not
// positive and finite, which an IDF's never are.
func ftsLog(x float64) float64 { return libc.Xlog(nil, x) }
