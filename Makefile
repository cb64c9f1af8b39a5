# recorderd build entry points. `make demo` and `make test` install what is
# missing themselves (Debian/Ubuntu packages via apt-get; the .NET 10 SDK must
# already be there).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

SOLUTION     := RecorderDaemon.sln
CONFIG       := Release
RESULTS_DIR  := artifacts/test-results
BENCH_PROJECT := bench/RecorderDaemon.Bench
DAEMON_PROJECT := src/RecorderDaemon/RecorderDaemon.csproj
CTL_PROJECT  := src/RecorderDaemon.Ctl/RecorderDaemon.Ctl.csproj

# The NativeAOT executables (PublishAot in both projects), for the machine's own architecture (the SDK's
# runtime identifier, e.g. linux-x64 or linux-arm64). Each is published again only when a file of its
# projects, the D-Bus XML or a build setting changed; ILC's warnings fail the publish as the compiler's do
# (IlcTreatWarningsAsErrors follows TreatWarningsAsErrors).
AOT_DIR      := artifacts/aot
RECORDERD    := $(AOT_DIR)/recorderd
RECORDERCTL  := $(AOT_DIR)/recorderctl
BUILD_SETTINGS := Directory.Build.props Directory.Packages.props global.json
project_files = $(shell find $(1) -type f -not -path '*/bin/*' -not -path '*/obj/*')

# make install / uninstall (GNU conventions; DESTDIR for staged installs).
PREFIX       ?= /usr/local
BINDIR       ?= $(PREFIX)/bin
LIBDIR       ?= $(PREFIX)/lib
DATADIR      ?= $(PREFIX)/share
INSTALL      ?= install

# Runtime and test dependencies (names checked against Debian 12 "bookworm").
#   gstreamer1.0-plugins-base-apps: gst-discoverer-1.0 (used by the demo)
#   systemd: busctl (D-Bus inspection in tests); already there on most systems
#   clang, zlib1g-dev: NativeAOT's publish links recorderd and recorderctl with clang against libz
DEB_PACKAGES := \
	gstreamer1.0-tools \
	gstreamer1.0-plugins-base \
	gstreamer1.0-plugins-base-apps \
	gstreamer1.0-plugins-good \
	gstreamer1.0-plugins-bad \
	gstreamer1.0-pipewire \
	libgstreamer1.0-0 \
	libgstreamer-plugins-base1.0-0 \
	pipewire \
	pipewire-bin \
	wireplumber \
	xdg-desktop-portal \
	dbus-daemon \
	dbus-bin \
	libglib2.0-bin \
	systemd \
	clang \
	zlib1g-dev

# sudo only when not already root.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
APT  := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get

export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

.PHONY: deps build test demo bench publish install uninstall clean

# One dotnet at a time: the build and the two publishes share the projects' obj directories.
.NOTPARALLEL:

deps:
	@missing=(); \
	for pkg in $(DEB_PACKAGES); do \
		status=$$(dpkg-query -W -f='$${Status}' "$$pkg" 2>/dev/null || true); \
		[[ "$$status" == "install ok installed" ]] || missing+=("$$pkg"); \
	done; \
	if (( $${#missing[@]} )); then \
		echo "deps: installing $${missing[*]}"; \
		$(APT) update; \
		$(APT) install -y --no-install-recommends "$${missing[@]}"; \
	else \
		echo "deps: Debian packages already installed"; \
	fi
	@if ! command -v dotnet >/dev/null || ! dotnet --list-sdks | grep '^10\.' >/dev/null; then \
		echo "error: the .NET 10 SDK (dotnet) is required but was not found." >&2; \
		echo "  It cannot be downloaded by this Makefile. Install it, e.g. the 'dotnet-sdk-10.0'" >&2; \
		echo "  package from Microsoft's package feed for your distribution" >&2; \
		echo "  (https://learn.microsoft.com/dotnet/core/install/linux), then re-run make." >&2; \
		exit 1; \
	fi
	dotnet restore $(SOLUTION)

build: deps
	dotnet build $(SOLUTION) -c $(CONFIG) --no-restore
	$(MAKE) publish

# The tests run the NativeAOT recorderd and recorderctl (TestSupport's BuiltProgram reads these variables).
test: build
	rm -rf $(RESULTS_DIR)
	RECORDERD_EXECUTABLE=$(abspath $(RECORDERD)) RECORDERCTL_EXECUTABLE=$(abspath $(RECORDERCTL)) \
	dotnet test $(SOLUTION) -c $(CONFIG) --no-build \
		--logger "trx;LogFileName=results.trx" \
		--logger "console;verbosity=normal" \
		--blame-hang-timeout 5m \
		--blame-crash --blame-crash-dump-type mini \
		--results-directory $(RESULTS_DIR)

demo: build
	scripts/demo.sh $(RECORDERD) $(RECORDERCTL)

# A private session bus (dbus-run-session, from dbus-daemon), on which the bench starts its own (NativeAOT) daemons.
bench: build
	RECORDERD_EXECUTABLE=$(abspath $(RECORDERD)) \
	dbus-run-session -- dotnet run -c $(CONFIG) --no-build --project $(BENCH_PROJECT)

publish: $(RECORDERD) $(RECORDERCTL)

# Self-contained native executables: the target needs no .NET runtime. The publish restores for the
# runtime identifier itself. No build servers, so nothing keeps running (possibly as root, under sudo
# make install) afterwards. The symbols ILC strips into NAME.dbg stay here.
$(RECORDERD): $(call project_files,src/RecorderDaemon src/RecorderDaemon.Native data/dbus) $(BUILD_SETTINGS)
	dotnet publish $(DAEMON_PROJECT) -c $(CONFIG) --use-current-runtime --disable-build-servers -o $(AOT_DIR)
	touch $@

$(RECORDERCTL): $(call project_files,src/RecorderDaemon.Ctl src/RecorderDaemon.Client) $(BUILD_SETTINGS)
	dotnet publish $(CTL_PROJECT) -c $(CONFIG) --use-current-runtime --disable-build-servers -o $(AOT_DIR)
	touch $@

# Both programs go to $(BINDIR); the systemd user unit, the D-Bus activation file (both with @bindir@
# replaced), the introspection XML, the system bus policy and the polkit action go where systemd,
# dbus-daemon and polkitd look for them.
install: publish
	$(INSTALL) -d $(DESTDIR)$(BINDIR) \
		$(DESTDIR)$(LIBDIR)/systemd/user $(DESTDIR)$(DATADIR)/dbus-1/services $(DESTDIR)$(DATADIR)/dbus-1/interfaces \
		$(DESTDIR)$(DATADIR)/dbus-1/system.d $(DESTDIR)$(DATADIR)/polkit-1/actions
	$(INSTALL) -m 755 $(RECORDERD) $(RECORDERCTL) $(DESTDIR)$(BINDIR)/
	sed 's|@bindir@|$(BINDIR)|g' packaging/systemd/recorderd.service > $(DESTDIR)$(LIBDIR)/systemd/user/recorderd.service
	sed 's|@bindir@|$(BINDIR)|g' packaging/systemd/recorderd-record@.service > $(DESTDIR)$(LIBDIR)/systemd/user/recorderd-record@.service
	$(INSTALL) -m 644 packaging/systemd/recorderd-record@.timer $(DESTDIR)$(LIBDIR)/systemd/user/
	sed 's|@bindir@|$(BINDIR)|g' packaging/dbus/io.github.recorderd.service > $(DESTDIR)$(DATADIR)/dbus-1/services/io.github.recorderd.service
	chmod 644 $(DESTDIR)$(LIBDIR)/systemd/user/recorderd.service $(DESTDIR)$(LIBDIR)/systemd/user/recorderd-record@.service \
		$(DESTDIR)$(DATADIR)/dbus-1/services/io.github.recorderd.service
	$(INSTALL) -m 644 data/dbus/*.xml $(DESTDIR)$(DATADIR)/dbus-1/interfaces/
	$(INSTALL) -m 644 packaging/dbus/io.github.recorderd.conf $(DESTDIR)$(DATADIR)/dbus-1/system.d/
	$(INSTALL) -m 644 packaging/polkit/io.github.recorderd.policy $(DESTDIR)$(DATADIR)/polkit-1/actions/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/recorderd $(DESTDIR)$(BINDIR)/recorderctl
	rm -f $(DESTDIR)$(LIBDIR)/systemd/user/recorderd.service $(DESTDIR)$(LIBDIR)/systemd/user/recorderd-record@.service \
		$(DESTDIR)$(LIBDIR)/systemd/user/recorderd-record@.timer
	rm -f $(DESTDIR)$(DATADIR)/dbus-1/services/io.github.recorderd.service
	rm -f $(DESTDIR)$(DATADIR)/dbus-1/system.d/io.github.recorderd.conf
	rm -f $(DESTDIR)$(DATADIR)/polkit-1/actions/io.github.recorderd.policy
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/dbus-1/interfaces/,$(notdir $(wildcard data/dbus/*.xml)))

clean:
	rm -rf artifacts TestResults
	rm -rf src/*/bin src/*/obj tests/*/bin tests/*/obj bench/*/bin bench/*/obj
