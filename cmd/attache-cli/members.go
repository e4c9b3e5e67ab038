package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"github.com/attache-app/attache/data/project"
	"github.com/attache-app/attache/data/store/postgres"
)

func init() {
	register(command{
		name:    "members",
		usage:   "--db postgres://… members add NAME --role analyst|reader | list | remove NAME",
		summary: "manage who may open a shared project (the owner only; a new member's password on stdin)",
		run:     runMembers,
	})
}

func runMembers(e *env) int {
	fs := e.newFlags()
	role := fs.String("role", "", "the member's role: analyst (reads and writes) or reader (only reads)")
	if code, ok := e.parse(fs); !ok {
		return code
	}
	args := fs.Args()
	if len(args) == 0 {
		fs.Usage()
		return 2
	}
	location, _, err := project.Resolve(e.db)
	if err != nil {
		return e.fail(err)
	}
	if !project.IsDatabaseURL(location) {
		return e.misuse("members are managed in a shared project: give --db postgres://USER@HOST:PORT/DB")
	}
	ctx := context.Background()
	switch sub := args[0]; {
	case sub == "list" && len(args) == 1:
		return e.withShared(ctx, location, func(st *postgres.Store) error {
			members, err := st.Members(ctx)
			if err != nil {
				return err
			}
			w := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			for _, m := range members {
				fmt.Fprintf(w, "%s\t%s\n", m.Name, m.Role)
			}
			return w.Flush()
		})
	case sub == "add" && len(args) == 2:
		r := postgres.Role(*role)
		if r != postgres.RoleAnalyst && r != postgres.RoleReader {
			return e.misuse("add %s: give --role analyst or --role reader", args[1])
		}
		name := args[1]
		return e.withShared(ctx, location, func(st *postgres.Store) error {
			password, err := e.memberPassword(name)
			if err != nil {
				return err
			}
			created, err := st.AddMember(ctx, name, r, password)
			if err != nil {
				return err
			}
			if created {
				fmt.Fprintf(e.stdout, "%s: added as %s\n", name, r)
			} else {
				fmt.Fprintf(e.stdout, "%s: added as %s (an existing login: its password is unchanged)\n", name, r)
			}
			return nil
		})
	case sub == "remove" && len(args) == 2:
		return e.withShared(ctx, location, func(st *postgres.Store) error {
			if err := st.RemoveMember(ctx, args[1]); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%s: removed\n", args[1])
			return nil
		})
	}
	fs.Usage()
	return 2
}

// withShared opens the shared project at location, hands it to f and closes
// it again; an error from either is the command's failure (exit 1).
func (e *env) withShared(ctx context.Context, location string, f func(st *postgres.Store) error) int {
	st, err := project.OpenShared(ctx, location, project.Options{Password: terminalPassword})
	if err != nil {
		return e.fail(err)
	}
	defer st.Close()
	if err := f(st); err != nil {
		return e.fail(err)
	}
	return 0
}

// memberPassword reads a new member's password: typed without echo when
// standard input is a terminal, else its first line.
func (e *env) memberPassword(name string) (string, error) {
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprintf(e.stderr, "Password for %s: ", name)
		pw, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		return string(pw), err
	}
	if e.stdin == nil {
		return "", nil
	}
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read %s's password from standard input: %w", name, err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// terminalPassword asks for the password to connect with on the terminal,
// without echo. Standard input is left alone: members add reads the new
// member's password from it.
func terminalPassword(redacted string) (string, error) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return "", errors.New("no password given and no terminal to ask for one: put it in PGPASSWORD")
	}
	defer tty.Close()
	fmt.Fprintf(tty, "Password for %s: ", redacted)
	pw, err := term.ReadPassword(int(tty.Fd()))
	fmt.Fprintln(tty)
	if err != nil {
		return "", err
	}
	return string(pw), nil
}
