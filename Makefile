# Attaché — build, run and test. `make run` and `make test` are the two commands
# the README promises; both install missing Debian packages first.
GO       ?= go
BIN      := bin
APP      := $(BIN)/attache
CLI      := $(BIN)/attache-cli
FYNE_CMD := fyne.io/tools/cmd/fyne@v1.7.4
VERSION  := 0.1.0

.PHONY: run test build deps test-deps fmt-check vet unit e2e windows package screenshots bench clean

run: deps build
	$(APP)

build: deps
	$(GO) build -o $(APP) ./cmd/attache
	CGO_ENABLED=0 $(GO) build -o $(CLI) ./cmd/attache-cli

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test

test: test-deps fmt-check vet unit e2e

fmt-check:
	@bad=$$(gofmt -l $$(git ls-files -co --exclude-standard '*.go')); \
	if [ -n "$$bad" ]; then echo "gofmt: these files need formatting:"; echo "$$bad"; exit 1; fi

vet:
	$(GO) vet ./...

unit:
	$(GO) test -race -timeout 30m ./...
	# the exhaustive fuzzy-search comparison runs on a sample under -race; in full here
	$(GO) test -count=1 -run 'TestFindSameTop10AsPlainFuzzy' ./data/search/

e2e: build
	scripts/e2e-cli.sh $(CLI)
	scripts/e2e-pg.sh $(CLI)
	scripts/e2e-smoke.sh $(APP)
	scripts/e2e-dnd.sh $(APP) $(CLI)
	scripts/e2e-live.sh $(APP) $(CLI)

bench:
	$(GO) test -run '^$$' -bench . -benchtime 20x ./...

screenshots: build
	scripts/screenshots.sh $(APP)

windows:
	@scripts/install-deps.sh windows
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -ldflags "-H windowsgui" -o $(BIN)/attache.exe ./cmd/attache
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -o $(BIN)/attache-cli.exe ./cmd/attache-cli

package: deps
	mkdir -p dist
	cd cmd/attache && $(GO) run $(FYNE_CMD) package --os linux --release \
		--src . --icon ../../resources/icon.png --name Attaché --app-id app.attache.workbench \
		--app-version $(VERSION)
	mv cmd/attache/*.tar.xz dist/

clean:
	rm -rf $(BIN) dist
