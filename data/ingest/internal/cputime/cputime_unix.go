//go:build unix

// Package cputime reads the CPU time the process has used, for benchmarks
// and measures run on shared machines where wall-clock time measures the
// neighbours as much as the code.
package cputime

import (
	"syscall"
	"time"
)

// Used is the user and system CPU time this process has used so far.
func Used() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
