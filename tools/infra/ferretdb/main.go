// Command ferretdb-embedded runs FerretDB's SQLite backend as a library, so the
// binary needs no generated version file (a plain `go install` of the CLI panics), and keeps an
// index on the expression FerretDB's `_id` lookups use on every collection (see idindex.go).
// With -check it starts no server and prints, per collection table, whether that index exists
// and is used.
package main

import (
	"context"
	"flag"
	"log"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dir := flag.String("dir", "", "directory for the SQLite files (must exist)")
	checkOnly := flag.Bool("check", false, "print the _id index status of every collection table as JSON lines and exit")
	database := flag.String("database", "", "with -check: only this database")
	idIndex := flag.Bool("id-index", true, "keep the _id lookup index (false: stock FerretDB, for benchmarks)")
	flag.Parse()
	if *dir == "" {
		log.Fatal("ferretdb-embedded: -dir is required")
	}

	if *checkOnly {
		if err := check(context.Background(), *dir, *database, os.Stdout); err != nil {
			log.Fatalf("ferretdb-embedded: check: %v", err)
		}
		return
	}

	// Warnings only: the parent process reads stderr for failures, not chatter.
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

	// Existing files (a restart on kept data) are indexed before FerretDB opens them, so a large
	// collection's index build never competes with live writes.
	servePprof(logger)

	indexer := newIDIndexer(*dir, logger)
	if *idIndex {
		indexer.pass(context.Background(), false)
	}

	// WAL with synchronous=NORMAL: a commit survives the process being killed (the tests kill -9),
	// only an OS crash can lose the last ones, and no commit waits for an fsync. With FerretDB's
	// default (FULL) every write serialises on one fsync of the WAL, 1.5-3 ms on this disk.
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dir + "/?_pragma=synchronous(normal)",
	})
	if err != nil {
		log.Fatalf("ferretdb-embedded: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *idIndex {
		go indexer.run(ctx, 100*time.Millisecond)
	}

	done := make(chan struct{})
	go func() {
		f.Run(ctx)
		close(done)
	}()
	<-done
}
