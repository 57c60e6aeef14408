#!/usr/bin/env bash
# Consumer test: packs the seven packages into a temporary folder, checks what is inside them, then creates a fresh
# project in a temporary folder outside the repository that references CareRules, CareRules.Extensions.DependencyInjection,
# CareRules.RulesEngine and CareRules.Testing by exact version, restores them from that folder only (package source mapping; third-party
# dependencies come from the machine's own package sources), builds it with warnings as errors, runs it and compares
# its output with expected.txt; then builds and runs a fresh xunit test project (xunit/) against the packages, as a
# shop's tests use CareRules.Testing; finally installs the CareRules.Tool dotnet tool from that folder into a temporary tool
# path and runs `carerules --json` on a one-case file and `carerules schema` (the packages' schemas/ files). Exits non-zero
# on any failure.
#
#   bash tests/consumer/run.sh                     # the version in Directory.Build.props
#   bash tests/consumer/run.sh -p:Version=1.2.3    # what a release job packs (extra arguments go to pack)
#   KEEP=1 bash tests/consumer/run.sh              # keep the temporary folder to look at
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
packages_ids=(CareRules CareRules.Extensions.DependencyInjection CareRules.RulesEngine CareRules.Testing CareRules.Analysis CareRules.Analysis.Z3 CareRules.Tool)
library_ids=(CareRules CareRules.Extensions.DependencyInjection CareRules.RulesEngine CareRules.Testing)
started=$SECONDS

work=$(mktemp -d)
if [ "${KEEP:-}" = 1 ]; then echo "consumer test: keeping $work"; else trap 'rm -rf "$work"' EXIT; fi
feed=$work/feed          # the packages, and the only source of CareRules*
app=$work/consumer       # the fresh project
tests=$work/consumer-tests  # the fresh xunit test project (xunit/): a shop's tests with CareRules.Testing
packages=$work/packages  # its global packages folder, so that a cached CareRules of the same version is never used

step() { printf '\n== consumer test: %s\n' "$*"; }
fail() { printf 'consumer test FAILED: %s\n' "$*" >&2; exit 1; }
for tool in unzip sed awk cmp; do command -v "$tool" >/dev/null || fail "'$tool' is required"; done

version=$(cd "$root" && dotnet msbuild src/CareRules/CareRules.csproj -getProperty:PackageVersion "$@")
[ -n "$version" ] || fail "could not read the package version"

step "dotnet pack CareRules.sln (version $version)"
(cd "$root" && dotnet pack CareRules.sln -c Release -warnaserror -p:PackageOutputPath="$feed" "$@")

step "package contents"
expected_files=$(for id in "${packages_ids[@]}"; do echo "$id.$version.nupkg"; echo "$id.$version.snupkg"; done | sort)
actual_files=$(ls "$feed" | sort)
[ "$actual_files" = "$expected_files" ] ||
  fail "the solution packed $(echo $actual_files) instead of $(echo $expected_files) (tests, samples and benchmarks are not packable)"
printf '%-42s %9s %9s  %s\n' package .nupkg .snupkg dependencies
for id in "${packages_ids[@]}"; do
  nupkg=$feed/$id.$version.nupkg
  snupkg=$feed/$id.$version.snupkg
  entries=$(unzip -Z1 "$nupkg")
  # A library's assembly is under lib/; the tool's (with its dependencies and DotnetToolSettings.xml) under tools/.
  folder=lib/net10.0
  [ "$id" = CareRules.Tool ] && folder=tools/net10.0/any
  for entry in "$id.nuspec" README.md LICENSE "$folder/$id.dll" "$folder/$id.xml"; do
    grep -qxF "$entry" <<<"$entries" || fail "$id: $entry is missing from the package"
  done
  [ "$id" = CareRules.Tool ] && { grep -qxF "$folder/DotnetToolSettings.xml" <<<"$entries" || fail "$id: not packed as a dotnet tool"; }
  # The JSON Schemas of the formats, for editors: the case format in CareRules, the workflow pack format in CareRules.RulesEngine.
  schema=
  [ "$id" = CareRules ] && schema=schemas/carerules-case.schema.json
  [ "$id" = CareRules.RulesEngine ] && schema=schemas/carerules-pack.schema.json
  [ -z "$schema" ] || unzip -l "$nupkg" "$schema" >/dev/null || fail "$id: $schema is missing from the package"
  grep -qxF "$folder/$id.pdb" <<<"$(unzip -Z1 "$snupkg")" || fail "$id: the symbol package has no $folder/$id.pdb"
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  for element in '<license type="expression">MIT</license>' '<readme>README.md</readme>' '<repository type="git"' \
                 "<version>$version</version>" '<description>' '<tags>'; do
    grep -qF "$element" <<<"$nuspec" || fail "$id: the nuspec has no $element"
  done
  dependencies=$(sed -nE 's/.*<dependency id="([^"]+)" version="([^"]+)".*/\1 \2/p' <<<"$nuspec" | paste -sd, - | sed 's/,/, /g')
  printf '%-42s %9s %9s  %s\n' "$id" "$(wc -c <"$nupkg")" "$(wc -c <"$snupkg")" "${dependencies:-none}"
  # The core is pure: it depends on NodaTime only (hosting lives in CareRules.Extensions.DependencyInjection).
  if [ "$id" = CareRules ] && [ "$(sed -E 's/ [^,]+//g' <<<"$dependencies")" != NodaTime ]; then
    fail "CareRules must depend on NodaTime only, but its nuspec lists: $dependencies"
  fi
done

step "fresh project in $app"
mkdir -p "$app"
cp "$here/Program.cs" "$app/Program.cs"
sed "s/@CARERULES_VERSION@/$version/g" "$here/Consumer.csproj.template" >"$app/Consumer.csproj"
# Nothing from folders above (Directory.Build.*, central package versions) may leak into the project.
for file in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo '<Project />' >"$work/$file"; done

# The machine's enabled package sources, by name (their addresses are not repeated here), and its package cache.
mapfile -t sources < <(cd "$app" && dotnet nuget list source --format Detailed | sed -nE 's/^ *[0-9]+\. +(.*) \[Enabled\]$/\1/p')
[ "${#sources[@]}" -gt 0 ] || fail "no enabled package source is configured on this machine"
machine_cache=$(dotnet nuget locals global-packages --list | sed -nE 's/^global-packages: (.*)$/\1/p')
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<!-- Written by tests/consumer/run.sh: adds the local folder and maps CareRules to it alone. -->'
  echo '<configuration>'
  echo '  <packageSources>'
  echo "    <add key=\"carerules-local\" value=\"$feed\" />"
  echo '  </packageSources>'
  # Third-party packages already in the machine's cache are taken from there (read-only), not downloaded again.
  [ -n "$machine_cache" ] && printf '  <fallbackPackageFolders>\n    <add key="machine-cache" value="%s" />\n  </fallbackPackageFolders>\n' "$machine_cache"
  echo '  <packageSourceMapping>'
  echo '    <packageSource key="carerules-local">'
  echo '      <package pattern="CareRules" />'
  echo '      <package pattern="CareRules.*" />'
  echo '    </packageSource>'
  for source in "${sources[@]}"; do
    [ "$source" = carerules-local ] && continue
    printf '    <packageSource key="%s">\n      <package pattern="*" />\n    </packageSource>\n' "$source"
  done
  echo '  </packageSourceMapping>'
  echo '</configuration>'
} >"$app/nuget.config"
echo "nuget.config: CareRules and CareRules.* from $feed only; everything else from the machine's ${#sources[@]} enabled source(s)"

export NUGET_PACKAGES=$packages
step "dotnet restore"
dotnet restore "$app"
for id in "${library_ids[@]}"; do
  lower=${id,,}
  restored=$packages/$lower/$version
  cmp -s "$feed/$id.$version.nupkg" "$restored/$lower.$version.nupkg" ||
    fail "$id $version was not restored from $feed (is it in the machine's package cache or another source?)"
  grep -qF "\"source\": \"$feed\"" "$restored/.nupkg.metadata" || grep -qF "\"source\":\"$feed\"" "$restored/.nupkg.metadata" ||
    fail "$id $version: $restored/.nupkg.metadata does not name $feed as its source"
  echo "$id $version restored from $feed"
done

step "dotnet build"
dotnet build "$app" -c Release --no-restore

step "dotnet run"
dotnet run --project "$app" -c Release --no-build >"$work/output.txt" || { cat "$work/output.txt"; fail "the program failed"; }
cat "$work/output.txt"
diff -u "$here/expected.txt" "$work/output.txt" || fail "the output differs from tests/consumer/expected.txt"

step "xunit test project in $tests: scoped coverage asserted after the last test, a table, properties, a seeded what-if"
mkdir -p "$tests"
cp "$here"/xunit/*.cs "$here"/xunit/*.json "$app/nuget.config" "$tests/"
sed "s/@CARERULES_VERSION@/$version/g" "$here/xunit/ConsumerTests.csproj.template" >"$tests/ConsumerTests.csproj"
dotnet restore "$tests"
dotnet build "$tests" -c Release --no-restore
# 1. The whole run passes, every test counted (a coverage failure at the end would fail it: exit code 1).
dotnet test "$tests" -c Release --no-build >"$work/tests.txt" 2>&1 || { cat "$work/tests.txt"; fail "the xunit tests failed"; }
cat "$work/tests.txt"
grep -qE 'Passed!  - Failed: +0, Passed: +8, Skipped: +0, Total: +8' "$work/tests.txt" ||
  fail "the xunit project did not run its 8 tests"
# 2. Without the test that makes the shop's rule fire, the coverage fixture fails the run, naming the rule.
if dotnet test "$tests" -c Release --no-build --filter 'FullyQualifiedName!~OwnRuleFires&FullyQualifiedName!~TableTests' \
    --logger 'console;verbosity=detailed' >"$work/uncovered.txt" 2>&1; then
  cat "$work/uncovered.txt"; fail "the run passed although no test made acme.late-gift fire"
fi
grep -qF 'RuleCoverageException : Rule coverage of pack acme-shop@1.0.0, scope the pack' "$work/uncovered.txt" &&
  grep -qF -- '- acme.late-gift: ' "$work/uncovered.txt" ||
  { cat "$work/uncovered.txt"; fail "the coverage failure does not name acme.late-gift"; }
echo "without the tests covering acme.late-gift, the run fails naming it"
# 3. CARERULES_COVERAGE=off turns the assertion off for such partial runs.
dotnet test "$tests" -c Release --no-build --filter 'FullyQualifiedName!~OwnRuleFires&FullyQualifiedName!~TableTests' \
  -e CARERULES_COVERAGE=off >"$work/off.txt" 2>&1 || { cat "$work/off.txt"; fail "CARERULES_COVERAGE=off did not turn the assertion off"; }
echo "with CARERULES_COVERAGE=off the partial run passes"

step "dotnet tool install CareRules.Tool $version into a temporary tool path; carerules --json on a one-case file"
toolpath=$work/tool
(cd "$work" && dotnet tool install --tool-path "$toolpath" --add-source "$feed" CareRules.Tool --version "$version")
[ -d "$toolpath/.store/carerules.tool/$version" ] || fail "CareRules.Tool $version is not in $toolpath"
cat >"$work/one-case.json" <<'CASE'
{"now": "2026-11-23T09:00:00Z", "customer": {"id": "C-1", "since": "2024-01-01", "orders": 1, "lifetimeValue": {"amount": 10, "currency": "PLN"}}, "case": {"id": "K-tool", "openedAt": "2026-11-23T08:00:00Z", "kind": "off-topic"}}
CASE
"$toolpath/carerules" --json "$work/one-case.json" >"$work/tool.txt" 2>"$work/tool-err.txt" ||
  { cat "$work/tool.txt" "$work/tool-err.txt"; fail "carerules --json exited with $?"; }
cat "$work/tool.txt"
[ "$(wc -l <"$work/tool.txt")" -eq 1 ] && [ ! -s "$work/tool-err.txt" ] &&
  grep -qF '"caseId":"K-tool","pack":"standard@1.0.0"' "$work/tool.txt" && grep -qF 'boundary.off-topic' "$work/tool.txt" ||
  fail "carerules --json did not print the one verdict expected"
echo "carerules $version installed from $feed: one verdict line, nothing on stderr"
# `carerules schema` prints the very files the library packages ship.
"$toolpath/carerules" schema case | cmp - <(unzip -p "$feed/CareRules.$version.nupkg" schemas/carerules-case.schema.json) ||
  fail "carerules schema case differs from the CareRules package's schemas/carerules-case.schema.json"
"$toolpath/carerules" schema pack | cmp - <(unzip -p "$feed/CareRules.RulesEngine.$version.nupkg" schemas/carerules-pack.schema.json) ||
  fail "carerules schema pack differs from the CareRules.RulesEngine package's schemas/carerules-pack.schema.json"
echo "carerules schema case|pack: the packages' schemas/ files"

echo "consumer test: passed in $((SECONDS - started)) s"
