#!/usr/bin/env bash
# Installs what asynclint needs to build and test, and nothing that is already there.
# Idempotent: a second run only checks. Needs root (or sudo) for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(g++ cmake ninja-build pkg-config libyaml-cpp-dev nlohmann-json3-dev libfmt-dev
  libcli11-dev doctest-dev libcurl4-openssl-dev python3 help2man)
command -v npm >/dev/null 2>&1 || apt_packages+=(nodejs npm)

# shellcheck source=lib/apt.sh
source scripts/lib/apt.sh
ensure_apt_packages setup "${apt_packages[@]}"

# valijson is header-only; Debian's libvalijson-dev depends on Qt and Poco, so take its headers alone.
valijson_dir=.deps/valijson
if [ ! -f "$valijson_dir/include/valijson/validator.hpp" ] || [ ! -f "$valijson_dir/copyright" ]; then
  echo "setup: extracting valijson headers from Debian's libvalijson-dev"
  apt_update_once
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  chmod 777 "$work"
  (cd "$work" && apt-get download -o APT::Sandbox::User=root libvalijson-dev >/dev/null 2>&1 \
    || apt-get download libvalijson-dev >/dev/null)
  dpkg-deb -x "$work"/libvalijson-dev_*.deb "$work/root"
  mkdir -p "$valijson_dir/include"
  rm -rf "$valijson_dir/include/valijson"
  cp -r "$work/root/usr/include/valijson" "$valijson_dir/include/"
  # Its license goes into the packages' THIRD-PARTY-NOTICES (cmake/ThirdPartyNotices.cmake).
  cp "$work/root/usr/share/doc/libvalijson-dev/copyright" "$valijson_dir/copyright"
  dpkg-deb -f "$work"/libvalijson-dev_*.deb Version >"$valijson_dir/VERSION"
fi
# Bugs of valijson 1.0, patched into the extracted headers until
# Debian ships the fix (the build refuses headers without them, see CMakeLists.txt):
# 1. a `propertyNames` subschema is built under its parent's path, so the schema cache hands back
#    the parent schema instead (every channel name of a 2.x document then fails);
# 2. `format` reads any value as a string and throws on objects and arrays, which aborted the
#    whole run on `url: {}`; JSON Schema applies `format` to strings only.
# 3. `pattern` runs std::regex, which recurses once per character and overflows the stack on
#    strings of some ten thousand characters: longer than 1000 characters, a string fails the
#    pattern instead (the patterns of the AsyncAPI schemas match runtime expressions and URLs);
# 4. `multipleOf` with a decimal divisor compares the remainder with the machine epsilon, so
#    54350.40 is "not a multiple of 0.01": the tolerance must grow with the value, as rounding does.
# 5. `format` date, time and date-time compile their std::regex for every string checked, and
#    `patternProperties` for every object checked, which was most of the time of the schema and
#    the rules on large documents: format regexes are compiled once per process (matching a
#    const std::regex from several threads is safe), patternProperties ones once per validator
#    (in the cache it already keeps for `pattern`).
# 6. A schema that reaches itself without consuming data (a base schema whose `oneOf` lists
#    subtypes that each `allOf` the base, as Java generators write polymorphism) made validation
#    recurse until the stack overflowed. Validation is co-inductive now: re-entering a subschema at
#    the same instance location while still validating it there counts as satisfied (the cycle
#    adds no constraint the outer visit does not already check). Active (subschema, location)
#    pairs are kept per thread, since the schema check and the rules validate on two threads.
#    A `oneOf` with several matching branches is not called ambiguous when a branch matched only
#    through such an assumption: subtypes that extend their base through the base itself cannot
#    be told apart by validation (the document's `discriminator` is what chooses among them).
patch_header() {  # file, marker that shows the fix is in, perl substitution
  local file="$valijson_dir/include/valijson/$1"
  grep -qF -- "$2" "$file" && return 0
  perl -0pi -e "$3" "$file"
  grep -qF -- "$2" "$file" || { echo "setup: could not patch $file" >&2; exit 1; }
  echo "setup: patched valijson's $1 ($2)"
}
patch_header schema_parser.hpp 'nodePath + "/propertyNames"' \
  's{(makePropertyNamesConstraint\(rootSchema, rootNode, itr->second, updatedScope,\s*)nodePath,}{$1nodePath + "/propertyNames",}'
patch_header validation_visitor.hpp '// asynclint: format applies to strings only' \
  's{(bool visit\(const FormatConstraint &constraint\) override\s*\{\s*)(const std::string s = m_target\.asString\(\);)}{$1// asynclint: format applies to strings only\n        if ((m_strictTypes && !m_target.isString()) || !m_target.maybeString()) {\n            return true;\n        }\n        $2}'
patch_header validation_visitor.hpp '// asynclint: bounded pattern input' \
  's{(bool visit\(const PatternConstraint &constraint\) override\s*\{\s*if \(\(m_strictTypes && !m_target\.isString\(\)\) \|\| !m_target\.maybeString\(\)\) \{\s*return true;\s*\}\s*)}{$1// asynclint: bounded pattern input\n        if (m_target.asString().size() > 1000) {\n            if (m_results) {\n                m_results->pushError(m_context, "String is too long to match against the pattern.");\n            }\n            return false;\n        }\n\n        }'
patch_header validation_visitor.hpp '// asynclint: relative multipleOf tolerance' \
  's{if \(fabs\(r\) > std::numeric_limits<double>::epsilon\(\)\) \{}{// asynclint: relative multipleOf tolerance\n        if (fabs(r) > 16 * std::numeric_limits<double>::epsilon() * std::max(fabs(d), fabs(divisor))) \{}'
patch_header validation_visitor.hpp '// asynclint: format regexes compiled once' \
  's{(const std::string format = constraint\.getFormat\(\);)}{$1 // asynclint: format regexes compiled once}; s{std::regex (date_regex|time_regex|datetime_regex)\(}{static const std::regex $1(}g'
patch_header validation_visitor.hpp '// asynclint: patternProperties regexes cached' \
  's{const std::regex r\(patternPropertyStr\);}{// asynclint: patternProperties regexes cached\n            auto cached = m_regexesCache.find(patternPropertyStr);\n            if (cached == m_regexesCache.end()) {\n                cached = m_regexesCache.emplace(patternPropertyStr, std::regex(patternPropertyStr)).first;\n            }\n            const std::regex &r = cached->second;}'
patch_header validation_visitor.hpp '// asynclint: co-inductive schema cycles' \
  's{(    bool validateSchema\(const Subschema &subschema\)\s*\{\s*if \(subschema\.getAlwaysInvalid\(\)\) \{\s*return false;\s*\}\n)}{$1\n        // asynclint: co-inductive schema cycles\n        struct ActiveVisit { const Subschema *schema; const std::vector<std::string> *context; };\n        static thread_local std::vector<ActiveVisit> activeVisits;\n        for (const ActiveVisit &visit : activeVisits) {\n            if (visit.schema == &subschema && *visit.context == m_context) {\n                ++cycleAssumptions();\n                return true;\n            }\n        }\n        activeVisits.push_back({&subschema, &m_context});\n        struct EndVisit { ~EndVisit() { activeVisits.pop_back(); } } endVisit;\n}; s{(\n    bool validateSchema\(const Subschema &subschema\))}{\n    // asynclint: cycle assumptions counted\n    static unsigned long &cycleAssumptions()\n    {\n        static thread_local unsigned long count = 0;\n        return count;\n    }\n$1}'
patch_header validation_visitor.hpp '// asynclint: oneOf ambiguity through a cycle' \
  's{(ValidationVisitor<AdapterType> v\(m_target, m_context, m_strictTypes, childResults, m_regexesCache\);\s*)(constraint\.applyToSubschemas\(\s*ValidateSubschemas\(m_target, m_context, true, true, v, childResults, &numValidated, nullptr\)\);)(.*?)\} else if \(numValidated != 1\) \{}{$1// asynclint: oneOf ambiguity through a cycle\n        const unsigned long assumptionsBefore = cycleAssumptions();\n        $2$3\} else if (numValidated != 1 && cycleAssumptions() == assumptionsBefore) \{}s'
# The external validators of the test suite (xmllint, pre-commit, SARIF multitool, action-validator).
if [ "${ASYNCLINT_SETUP_TEST_TOOLS:-0}" = 1 ]; then
  ./scripts/setup-test-tools.sh
fi
echo "setup: dependencies ready (valijson $(cat "$valijson_dir/VERSION"))"
