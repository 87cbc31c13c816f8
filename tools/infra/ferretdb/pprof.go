package main

import (
	"log/slog"
	"net/http"
	_ "net/http/pprof" // registers /debug/pprof on the default mux
	"os"
)

// servePprof serves Go's profiler when ZC_FERRETDB_PPROF names an address (e.g. 127.0.0.1:6060), to
// see where the store spends its time under a benchmark; off by default, so parallel runs never
// collide on a port.
func servePprof(logger *slog.Logger) {
	addr := os.Getenv("ZC_FERRETDB_PPROF")
	if addr == "" {
		return
	}
	go func() {
		if err := http.ListenAndServe(addr, nil); err != nil {
			logger.Warn("pprof server stopped", slog.String("error", err.Error()))
		}
	}()
}
