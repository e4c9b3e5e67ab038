package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// env is what every command receives: its name and its arguments after it,
// the standard streams, and the project path chosen by --db or ATTACHE_DB
// ("" means the default project).
type env struct {
	name   string
	args   []string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	db     string
}

// command is one subcommand of attache-cli. Each lives in its own file and
// registers itself from an init function, so commands can be added without
// touching the dispatcher.
type command struct {
	name    string
	usage   string // one line, without the program name
	summary string
	run     func(e *env) int
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

// errUsage marks errors caused by bad command-line usage (exit code 2).
var errUsage = errors.New("usage")

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: attache-cli [--db PATH] COMMAND [ARGS...]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  %-9s %s\n", n, c.summary)
		fmt.Fprintf(w, "            attache-cli %s\n", c.usage)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "The project is the file named by --db, else by $ATTACHE_DB, else the default project.")
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	global := flag.NewFlagSet("attache-cli", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	db := global.String("db", os.Getenv("ATTACHE_DB"), "project file")
	cpuprofile := global.String("cpuprofile", "", "write a CPU profile of the command to this file (for go tool pprof)")
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout)
			return 0
		}
		fmt.Fprintf(stderr, "attache-cli: %v\n", err)
		usage(stderr)
		return 2
	}
	rest := global.Args()
	if len(rest) == 0 {
		usage(stderr)
		return 2
	}
	name := rest[0]
	if name == "help" {
		usage(stdout)
		return 0
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "attache-cli: unknown command %q\n", name)
		usage(stderr)
		return 2
	}
	if *cpuprofile != "" {
		stop, err := startCPUProfile(*cpuprofile)
		if err != nil {
			fmt.Fprintf(stderr, "attache-cli: %v\n", err)
			return 1
		}
		defer stop()
	}
	return c.run(&env{name: name, args: rest[1:], stdin: stdin, stdout: stdout, stderr: stderr, db: *db})
}

// newFlags returns a flag set for the command that reports errors on e.stderr.
func (e *env) newFlags() *flag.FlagSet {
	fs := flag.NewFlagSet(e.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: attache-cli %s\n", commands[e.name].usage)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses the command's flags, which may come before, between or after
// its other arguments ("import a.txt --no-extract"); everything after "--"
// is an argument. It returns false with the exit code to use when parsing
// failed or help was asked for; fs.Args() then holds the other arguments.
func (e *env) parse(fs *flag.FlagSet) (int, bool) {
	var positional []string
	rest := e.args
	for len(rest) > 0 {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0, false
			}
			return 2, false
		}
		left := fs.Args()
		if n := len(rest) - len(left); n > 0 && rest[n-1] == "--" {
			positional = append(positional, left...)
			break
		}
		if len(left) == 0 {
			break
		}
		positional = append(positional, left[0])
		rest = left[1:]
	}
	_ = fs.Parse(append([]string{"--"}, positional...))
	return 0, true
}

// parseNoArgs is parse for commands that take only flags: any other argument
// prints the usage and ends with exit code 2.
func (e *env) parseNoArgs(fs *flag.FlagSet) (int, bool) {
	if code, ok := e.parse(fs); !ok {
		return code, false
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2, false
	}
	return 0, true
}

// fail prints a one-line error for the command and returns exit code 1.
func (e *env) fail(err error) int {
	fmt.Fprintf(e.stderr, "attache-cli %s: %s\n", e.name, strings.TrimSpace(err.Error()))
	return 1
}

// misuse prints a one-line usage error for the command and returns exit
// code 2.
func (e *env) misuse(format string, args ...any) int {
	fmt.Fprintf(e.stderr, "attache-cli %s: %s\n", e.name, fmt.Sprintf(format, args...))
	return 2
}
