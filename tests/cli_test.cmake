# End-to-end checks of the CLI's exit codes and messages.
# Called by CTest with -DCONFORM=<binary> -DDATA=<data dir> -DBAD_PACKS=<dir>.
file(MAKE_DIRECTORY ${TMP})

function(expect_run code pattern)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL code)
    message(FATAL_ERROR "expected exit ${code}, got ${rc}: ${ARGN}\n${out}${err}")
  endif()
  if(NOT "${out}${err}" MATCHES "${pattern}")
    message(FATAL_ERROR "output of ${ARGN} does not match '${pattern}':\n${out}${err}")
  endif()
endfunction()

# As expect_run, the output required not to match `absent`.
function(expect_run_lacking code absent)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL code)
    message(FATAL_ERROR "expected exit ${code}, got ${rc}: ${ARGN}\n${out}${err}")
  endif()
  if("${out}${err}" MATCHES "${absent}")
    message(FATAL_ERROR "output of ${ARGN} matches '${absent}', which it should not:\n${out}${err}")
  endif()
endfunction()

expect_run(0 "\"requirements\"" ${CONFORM} requirements --market EU --category charger --attr input_voltage_ac=230 --on 2025-01-01 --format json)
expect_run(0 "EU " ${CONFORM} requirements -m eu,us -c toy --on 2025-01-01)
expect_run(0 "European Union \\(also AT, [A-Z, ]+\\): pack [0-9.]+, in full from 2021-09-01" ${CONFORM} vocabulary)
# A date before the pack answers in full is said (stderr and the table).
expect_run(0 "EU pack answers in full from 2021-09-01" ${CONFORM} requirements -m EU -c charger --on 2015-06-01)
expect_run(2 "unknown market 'XX'" ${CONFORM} requirements --market XX --category charger)
expect_run(2 "--market .EU,. has an empty market code" ${CONFORM} requirements -m EU, -c toy)
expect_run(2 "--market .,. has an empty market code" ${CONFORM} requirements -m EU -m , -c toy)
expect_run(2 "unknown category 'chargr' \\(did you mean 'charger'\\?\\)" ${CONFORM} requirements --market EU --category chargr)
expect_run(2 "unknown attribute 'radoi' \\(did you mean 'radio'\\?\\)" ${CONFORM} requirements --market EU --category charger --attr radoi=true)
expect_run(2 "invalid date '2024-02-30'" ${CONFORM} requirements --market EU --category charger --on 2024-02-30)
expect_run(2 "needs a number" ${CONFORM} requirements --market EU --category charger --attr input_voltage_ac=lots)
expect_run(2 "not name=value" ${CONFORM} requirements --market EU --category charger --attr radio)
expect_run(2 "--market is required" ${CONFORM} requirements --category charger)
expect_run(2 "xb.yaml:12:37: condition: unknown attribute 'radoi'" ${CONFORM} packs validate ${BAD_PACKS})
expect_run(2 "pack directory does not exist" ${CONFORM} packs validate /nonexistent/packs)
expect_run(0 "ok  EU" ${CONFORM} packs validate ${DATA}/packs)

# conform screen
set(EXAMPLES ${DATA}/../examples)
expect_run(0 "\"verdict\":\"PASS\"" ${CONFORM} screen ${EXAMPLES}/listings.jsonl --on 2026-06-01 -q)
expect_run(1 "screened 46 listings" ${CONFORM} screen ${EXAMPLES}/listings.jsonl --on 2026-06-01 --fail-on block -o ${TMP}/out.jsonl)
expect_run(0 "listing_id,seller_id,market,verdict" ${CONFORM} screen ${EXAMPLES}/listings.csv --on 2026-06-01 --output-format csv -q)
expect_run(2 "cannot open" ${CONFORM} screen /nonexistent/listings.jsonl)
expect_run(2 "unknown listing format" ${CONFORM} screen ${EXAMPLES}/README.md)
file(WRITE ${TMP}/bad.jsonl "{broken\n[1]\n{\"listing_id\":\"x\"}\n")
expect_run(2 "bad.jsonl:1: not valid JSON.*bad.jsonl:2: a listing must be a JSON object.*screened 0 listings.*3 skipped" ${CONFORM} screen ${TMP}/bad.jsonl)
# A field that is not a listing field is reported once, with the one meant.
file(WRITE ${TMP}/typo.jsonl "{\"listing_id\":\"a\",\"seller_id\":\"S\",\"title\":\"Scented candle\",\"target_markets\":[\"EU\"],\"warning_languages\":[\"de\"]}\n")
expect_run(0 "typo.jsonl:1: 'warning_languages' is not a listing field and was ignored \\(did you mean 'warnings_languages'\\?\\)" ${CONFORM} screen ${TMP}/typo.jsonl -q)
# Some records skipped, the rest screened: exit 1, as for the recall commands.
file(WRITE ${TMP}/some_bad.jsonl "{broken\n{\"listing_id\":\"ok\",\"seller_id\":\"S\",\"title\":\"Scented candle\",\"target_markets\":[\"EU\"]}\n")
expect_run(1 "screened 1 listing .*1 skipped" ${CONFORM} screen ${TMP}/some_bad.jsonl)
expect_run(2 "stopped early" ${CONFORM} screen ${TMP}/bad.jsonl --max-errors 2)
expect_run(0 "screened 46 listings" ${CONFORM} screen ${EXAMPLES}/listings.jsonl --on 2026-06-01 -o ${TMP}/out.jsonl --html ${TMP}/report.html)
file(READ ${TMP}/report.html html)
if(NOT html MATCHES "Totals per market")
  message(FATAL_ERROR "the HTML report has no totals")
endif()

# Outputs that would replace the input or each other are refused before
# anything is written; so is a directory given as the listings file, an
# empty date and a thread count no machine has.
file(COPY ${EXAMPLES}/listings.jsonl DESTINATION ${TMP}/own)
expect_run(2 "is the listings file being read" ${CONFORM} screen ${TMP}/own/listings.jsonl --on 2026-06-01 -o ${TMP}/own/listings.jsonl)
expect_run(2 "is also the verdicts file" ${CONFORM} screen ${TMP}/own/listings.jsonl --on 2026-06-01 -o ${TMP}/own/v.jsonl --html ${TMP}/own/v.jsonl)
expect_run(2 "cannot write the HTML report: the directory .*none does not exist" ${CONFORM} screen ${TMP}/own/listings.jsonl --on 2026-06-01 -o ${TMP}/own/v.jsonl --html ${TMP}/none/r.html)
expect_run(2 "cannot write the verdicts: the directory .*none does not exist" ${CONFORM} screen ${TMP}/own/listings.jsonl --on 2026-06-01 -o ${TMP}/none/v.jsonl)
# An empty input is refused, as by the recall commands, and no verdicts
# file is left behind; a listing_id given twice is said, and screened.
file(WRITE ${TMP}/empty.jsonl "")
expect_run(2 "empty.jsonl: holds no listings" ${CONFORM} screen ${TMP}/empty.jsonl -q)
expect_run(2 "empty.jsonl: holds no listings" ${CONFORM} screen ${TMP}/empty.jsonl -q -o ${TMP}/own/empty_verdicts.jsonl)
if(EXISTS ${TMP}/own/empty_verdicts.jsonl)
  message(FATAL_ERROR "screen left a verdicts file for an input holding no listings")
endif()
file(WRITE ${TMP}/twice.jsonl "{\"listing_id\":\"A\",\"seller_id\":\"S\",\"title\":\"Mug\",\"target_markets\":[\"EU\"]}\n{\"listing_id\":\"A\",\"seller_id\":\"S\",\"title\":\"Cup\",\"target_markets\":[\"EU\"]}\n")
expect_run(0 "twice.jsonl: 1 listing repeats a listing_id given before \\(the first at line 2, which repeats line 1\\)" ${CONFORM} screen ${TMP}/twice.jsonl -q --on 2026-06-01)
if(EXISTS ${TMP}/own/v.jsonl)
  message(FATAL_ERROR "screen wrote its verdicts although --html could not be written")
endif()
file(READ ${TMP}/own/listings.jsonl own_after)
file(READ ${EXAMPLES}/listings.jsonl own_before)
if(NOT own_after STREQUAL own_before)
  message(FATAL_ERROR "screen -o replaced the listings file it read")
endif()
file(MAKE_DIRECTORY ${TMP}/dir.jsonl)
expect_run(2 "dir.jsonl: is a directory" ${CONFORM} screen ${TMP}/dir.jsonl --on 2026-06-01)
# (An empty argument does not survive execute_process: sh passes it.)
expect_run(2 "--on: must be a date" sh -c "\"$0\" screen \"$1\" --on ''" ${CONFORM} ${TMP}/own/listings.jsonl)
expect_run(2 "--on: must be a date" sh -c "\"$0\" requirements -m EU -c toy --on ''" ${CONFORM})
expect_run(2 "--threads: Value 100000 not in range" ${CONFORM} screen ${TMP}/own/listings.jsonl --threads 100000)

# Output to a device is written in place, never renamed over it. (A device
# of the test's own, so that a regression cannot harm the machine's /dev/null.)
file(REMOVE ${TMP}/nulldev)
execute_process(COMMAND mknod -m 666 ${TMP}/nulldev c 1 3 RESULT_VARIABLE made ERROR_QUIET)
if(made EQUAL 0)
  expect_run(0 "screened 46 listings" ${CONFORM} screen ${EXAMPLES}/listings.jsonl --on 2026-06-01 -o ${TMP}/nulldev --html ${TMP}/nulldev)
  execute_process(COMMAND test -c ${TMP}/nulldev RESULT_VARIABLE is_device)
  if(NOT is_device EQUAL 0)
    message(FATAL_ERROR "writing to a device replaced it with a file")
  endif()
  file(REMOVE ${TMP}/nulldev)
else()
  message(STATUS "skipped the device-output check: mknod needs root")
endif()

# Credentials: keys, a status list, issue, verify, revoke.
file(REMOVE_RECURSE ${TMP}/vc)
file(MAKE_DIRECTORY ${TMP}/vc/lists)
file(WRITE ${TMP}/vc/unsigned.json "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"],\"credentialSubject\":{\"id\":\"urn:gtin:06901234567892\"}}")
expect_run(0 "written to" ${CONFORM} keys generate -o ${TMP}/vc/key.json)
expect_run(0 "" ${CONFORM} status create --key ${TMP}/vc/key.json --id https://cb.example/status/1 -o ${TMP}/vc/lists/s1.json)
# A key file others can read is used, with a warning.
file(COPY_FILE ${TMP}/vc/key.json ${TMP}/vc/open_key.json)
file(CHMOD ${TMP}/vc/open_key.json PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
expect_run(0 "open_key.json holds a secret key and can be read by others \\(mode 644\\): chmod 600" ${CONFORM} status create --key ${TMP}/vc/open_key.json --id https://cb.example/status/9 -o ${TMP}/vc/s9.json)
expect_run(0 "" ${CONFORM} credential issue ${TMP}/vc/unsigned.json --key ${TMP}/vc/key.json --status-list ${TMP}/vc/lists/s1.json --status-index 5 -o ${TMP}/vc/vc.json)
# A trust anchor's list accrediting the key above (through an accreditation body).
expect_run(0 "written to" ${CONFORM} keys generate -o ${TMP}/vc/anchor.json)
expect_run(0 "written to" ${CONFORM} keys generate -o ${TMP}/vc/ab.json)
file(READ ${TMP}/vc/key.json key_json)
string(JSON cb GET "${key_json}" id)
file(READ ${TMP}/vc/anchor.json anchor_json)
string(JSON anchor GET "${anchor_json}" id)
file(READ ${TMP}/vc/ab.json ab_json)
string(JSON ab GET "${ab_json}" id)
file(WRITE ${TMP}/vc/trust.unsigned.json "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\",\"TrustList\"],\"credentialSubject\":{\"type\":\"TrustList\",\"accreditationBodies\":[{\"id\":\"${ab}\"}],\"accreditations\":[{\"certificationBody\":\"${cb}\",\"accreditedBy\":\"${ab}\",\"validFrom\":\"2020-01-01T00:00:00Z\"}]}}")
expect_run(0 "" ${CONFORM} credential issue ${TMP}/vc/trust.unsigned.json --key ${TMP}/vc/anchor.json -o ${TMP}/vc/trust.json)
set(TRUST --trust-list ${TMP}/vc/trust.json --anchor ${anchor})
expect_run(1 "trust +FAIL no trust list given" ${CONFORM} credential verify ${TMP}/vc/vc.json --status-lists ${TMP}/vc/lists)
expect_run(0 "VERIFIED.*trust +ok.*status +ok +not revoked" ${CONFORM} credential verify ${TMP}/vc/vc.json --status-lists ${TMP}/vc/lists ${TRUST})
expect_run(2 "not a trust anchor you named" ${CONFORM} credential verify ${TMP}/vc/vc.json --trust-list ${TMP}/vc/trust.json --anchor ${cb})
# A file over the limit is refused with the limit in MiB and what to do.
string(REPEAT "x" 1048576 mib)
string(REPEAT "${mib}" 17 big)
file(WRITE ${TMP}/big.json "${big}")
expect_run(2 "big.json: larger than the limit of 16 MiB for one file \\(split it into smaller files" ${CONFORM} credential verify ${TMP}/big.json)
file(REMOVE ${TMP}/big.json)
# More proofs on the signed credential: the accreditation body co-signs (a
# proof set), the anchor follows its proof (a chain); each must verify.
expect_run(0 "" ${CONFORM} credential add-proof ${TMP}/vc/vc.json --key ${TMP}/vc/ab.json --proof-id urn:uuid:ab-proof -o ${TMP}/vc/vc2.json)
expect_run(0 "" ${CONFORM} credential add-proof ${TMP}/vc/vc2.json --key ${TMP}/vc/anchor.json --previous-proof urn:uuid:ab-proof -o ${TMP}/vc/vc3.json)
expect_run(0 "proof +ok +3 eddsa-jcs-2022 signatures verify \\(a proof chain\\).*issuer +ok +signed by the issuer's key" ${CONFORM} credential verify ${TMP}/vc/vc3.json --status-lists ${TMP}/vc/lists ${TRUST})
expect_run(2 "previousProof 'urn:uuid:nobody' names no proof of the document" ${CONFORM} credential add-proof ${TMP}/vc/vc2.json --key ${TMP}/vc/anchor.json --previous-proof urn:uuid:nobody)
expect_run(2 "carries no proof: sign it first" ${CONFORM} credential add-proof ${TMP}/vc/unsigned.json --key ${TMP}/vc/anchor.json)
expect_run(2 "proof-purpose: purpose not in" ${CONFORM} credential add-proof ${TMP}/vc/vc.json --key ${TMP}/vc/anchor.json --proof-purpose purpose)
expect_run(0 "\"proofPurpose\": \"authentication\"" ${CONFORM} credential add-proof ${TMP}/vc/vc.json --key ${TMP}/vc/anchor.json --proof-purpose authentication)
file(READ ${TMP}/vc/vc3.json vc3)
string(REPLACE "urn:gtin:06901234567892" "urn:gtin:06901234567885" vc3_altered "${vc3}")
file(WRITE ${TMP}/vc/vc3-altered.json "${vc3_altered}")
expect_run(1 "proof +FAIL proof 1 of 3 \\(did:key:" ${CONFORM} credential verify ${TMP}/vc/vc3-altered.json --status-lists ${TMP}/vc/lists ${TRUST})
expect_run(2 "own proofs do not verify" ${CONFORM} credential add-proof ${TMP}/vc/vc3-altered.json --key ${TMP}/vc/anchor.json)
expect_run(0 "" ${CONFORM} status revoke ${TMP}/vc/lists/s1.json 5 --key ${TMP}/vc/key.json)
expect_run(1 "NOT VERIFIED.*status +FAIL revoked" ${CONFORM} credential verify ${TMP}/vc/vc.json --status-lists ${TMP}/vc/lists ${TRUST})
expect_run(2 "needs a suspension list" ${CONFORM} status suspend ${TMP}/vc/lists/s1.json 5 --key ${TMP}/vc/key.json)
expect_run(2 "needs secretKeyMultibase" ${CONFORM} credential issue ${TMP}/vc/unsigned.json --key ${TMP}/vc/unsigned.json)
expect_run(2 "file +FAIL" ${CONFORM} credential verify ${TMP}/vc/missing.json)  # unreadable: bad input, as elsewhere

# Recall feeds: import (0 all imported, 1 some records skipped, 2 bad input,
# nothing written), re-import changes nothing, list.
set(RECALLS ${DATA}/../tests/data/recalls)
file(REMOVE ${TMP}/notices.db)
expect_run(0 "safetygate_sample.json: 11 records, 11 notices, 0 skipped, 5 warnings.*eu-safety-gate: 11 new, 0 updated, 0 unchanged, 0 skipped"
           ${CONFORM} recalls import --source eu-safety-gate ${RECALLS}/safetygate_sample.json --db ${TMP}/notices.db)
expect_run(0 "eu-safety-gate: 0 new, 0 updated, 11 unchanged" ${CONFORM} recalls import --source eu-safety-gate ${RECALLS}/safetygate_sample.json --db ${TMP}/notices.db -q)
expect_run(2 "this is not a us-cpsc feed.*--source eu-safety-gate" ${CONFORM} recalls import --source us-cpsc ${RECALLS}/safetygate_sample.json --db ${TMP}/notices.db)
# The first file read, the second refused: neither is stored, and the
# command says so after counting the first.
expect_run(2 "the CPSC service answered with an error.*nothing imported: .*notices.db is unchanged" ${CONFORM} recalls import --source us-cpsc ${RECALLS}/cpsc_recalls.json ${RECALLS}/cpsc_error.json --db ${TMP}/notices.db)
file(REMOVE ${TMP}/never.db)
# A misspelled subcommand or option is named, with the closest known one.
expect_run(2 "'lsit' is no subcommand of 'conform recalls' \\(did you mean 'list'\\?\\)" ${CONFORM} recalls lsit --db ${TMP}/notices.db)
expect_run(2 "'--dbb' is no option of 'conform recalls match' \\(did you mean '--db'\\?\\)" ${CONFORM} recalls match x.jsonl --dbb ${TMP}/notices.db)
# A refused import prints no file's counts: it stores none.
expect_run_lacking(2 "cpsc_recalls.json: [0-9]+ records" ${CONFORM} recalls import --source us-cpsc ${RECALLS}/cpsc_recalls.json ${RECALLS}/cpsc_error.json --db ${TMP}/notices.db)
expect_run(2 "nothing imported: .*never.db was not created" ${CONFORM} recalls import --source us-cpsc ${RECALLS}/cpsc_error.json --db ${TMP}/never.db)
if(EXISTS ${TMP}/never.db)
  message(FATAL_ERROR "recalls import refused its only file but created the store")
endif()
# A data directory the environment names that is not there.
expect_run(2 "CONFORM_DATA=.*nowhere is not a directory" ${CMAKE_COMMAND} -E env CONFORM_DATA=${TMP}/nowhere ${CONFORM} vocabulary)
expect_run(0 "A12/03648/24 .* 0\\+1A .*11 notices" ${CONFORM} recalls list --db ${TMP}/notices.db)  # its ASIN beside its GTINs
expect_run(1 "us-cpsc: 1 new, 0 updated, 0 unchanged, 4 skipped.*record 4: skipped: no RecallNumber" ${CONFORM} recalls import --source us-cpsc ${RECALLS}/cpsc_synthetic.json --db ${TMP}/notices.db)
expect_run(0 "eu-safety-gate +A12/00017/20 .*us-cpsc +26901 +2026-05-14 .*12 notices" ${CONFORM} recalls list --db ${TMP}/notices.db)
expect_run(0 "\"id\":\"26901\"" ${CONFORM} recalls list --db ${TMP}/notices.db --source us-cpsc --format json)
expect_run(2 "no notice store here" ${CONFORM} recalls list --db ${TMP}/missing.db)

# A store published in a directory its readers may not write to (another
# user's, or read-only) is read as it stands, leaving nothing beside it; a
# write-ahead log waiting there is refused with what to do. Reading as
# another user needs root; the directory is made under /tmp, since the
# build tree may be closed to other users.
execute_process(COMMAND id -u OUTPUT_VARIABLE uid OUTPUT_STRIP_TRAILING_WHITESPACE)
find_program(SETPRIV setpriv)
if(uid STREQUAL "0" AND SETPRIV)
  execute_process(COMMAND mktemp -d OUTPUT_VARIABLE shared_dir OUTPUT_STRIP_TRAILING_WHITESPACE)
  # Characters a file name may hold and an SQLite URI escapes.
  set(store_dir "${shared_dir}/published 100% #1?")
  file(COPY ${CONFORM} DESTINATION ${shared_dir})
  file(COPY ${TMP}/notices.db DESTINATION ${store_dir})
  execute_process(COMMAND chmod 755 ${shared_dir} ${shared_dir}/conform ${store_dir})
  execute_process(COMMAND chmod 644 ${store_dir}/notices.db)
  set(AS_NOBODY ${SETPRIV} --reuid=nobody --regid=nogroup --clear-groups)
  expect_run(0 "12 notices" ${AS_NOBODY} ${shared_dir}/conform recalls list --db ${store_dir}/notices.db)
  if(EXISTS ${store_dir}/notices.db-shm OR EXISTS ${store_dir}/notices.db-wal)
    message(FATAL_ERROR "reading a store in a directory the reader may not write to left files beside it")
  endif()
  file(WRITE ${store_dir}/notices.db-wal "a log with frames not yet in the file")
  expect_run(2 "notices.db-wal\\) may hold commits not yet in the file.*read it as a user who may write in its directory"
             ${AS_NOBODY} ${shared_dir}/conform recalls list --db ${store_dir}/notices.db)
  file(REMOVE_RECURSE ${shared_dir})
else()
  message(STATUS "skipped the read-only directory check: reading as another user needs root and setpriv")
endif()

# Recall matching, both directions, and recalls as screening findings.
expect_run(0 "\"action\":\"takedown\",\"evidence\":\\[\"same GTIN 08055186669918\".*\"listing_id\":\"R-1\",\"notice\":\"eu-safety-gate:A12/01135/24\""
           ${CONFORM} recalls match ${RECALLS}/listings.jsonl --db ${TMP}/notices.db)
expect_run(0 "\"listing_id\":\"R-1\".*A12/01135/24: 1 affected listing of 2"
           ${CONFORM} recalls affected A12/01135/24 --db ${TMP}/notices.db --listings ${RECALLS}/listings.jsonl)
# On one thread, the same.
expect_run(0 "\"action\":\"takedown\",\"evidence\":\\[\"same GTIN 08055186669918\".*\"listing_id\":\"R-1\",\"notice\":\"eu-safety-gate:A12/01135/24\""
           ${CONFORM} recalls match ${RECALLS}/listings.jsonl --db ${TMP}/notices.db --threads 1)
expect_run(0 "\"listing_id\":\"R-1\".*A12/01135/24: 1 affected listing of 2"
           ${CONFORM} recalls affected A12/01135/24 --db ${TMP}/notices.db --listings ${RECALLS}/listings.jsonl --threads 1)
expect_run(2 "notice 'A99/00000/99' is not in" ${CONFORM} recalls affected A99/00000/99 --db ${TMP}/notices.db --listings ${RECALLS}/listings.jsonl)
# An id pasted with spaces around it, or written in lower case, is found.
expect_run(0 "A12/01135/24: 1 affected listing" ${CONFORM} recalls affected " a12/01135/24 " --db ${TMP}/notices.db --listings ${RECALLS}/listings.jsonl)
expect_run(0 "A12/01135/24: 1 affected listing" ${CONFORM} recalls affected "EU-Safety-Gate:a12/01135/24" --db ${TMP}/notices.db --listings ${RECALLS}/listings.jsonl)
# Real CPSC records name model numbers and brands only in prose, and
# sellers write UPCs in titles: takedowns, without a pair model; another
# model of the brand is none.
file(REMOVE ${TMP}/cpsc.db)
expect_run(0 "us-cpsc: 20 new" ${CONFORM} recalls import --source us-cpsc ${RECALLS}/cpsc_recalls_2026_07.json ${RECALLS}/cpsc_recorded_answers.json --db ${TMP}/cpsc.db -q)
expect_run(0 "\"action\":\"takedown\",\"evidence\":\\[\"same model code GV31\",\"brand named in both\".*\"listing_id\":\"S-1\",\"notice\":\"us-cpsc:26647\".*\"same GTIN 00680079015947 \\(written in the listing's title\\)\".*\"listing_id\":\"S-2\".*\"same model code E33A\".*\"listing_id\":\"S-4\".*\"same model code GLR76TRDER\".*\"listing_id\":\"S-6\".*\"same model code GV31\".*\"listing_id\":\"S-7\".*\"listing_id\":\"S-9\".*may sell something made for it -> review\"\\],.*\"line\":10,\"listing_id\":\"S-10\".*10 listings against 20 notices: 6 takedown, 1 review \\(matches\\) on 7 listings"
           ${CONFORM} recalls match ${RECALLS}/listings_sellers.jsonl --db ${TMP}/cpsc.db)
# A CPSC notice names its hazard in a sentence; its brands and dates are given.
expect_run(0 "\"hazard_description\":\"[^\"]+\".*\"notice_brands\":\\[\"[^\"]+\".*\"published\":\"20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]\".*\"url\":\"https://www.cpsc.gov/"
           ${CONFORM} recalls match ${RECALLS}/listings_sellers.jsonl --db ${TMP}/cpsc.db)
# Listings without a seller or markets are matched; a CSV without a .csv name is read as CSV with --format.
file(WRITE ${TMP}/bare_listings.txt "listing_id,title,brand\nB-1,BenQ GV31 portable projector,BenQ\n")
expect_run(0 "\"listing_id\":\"B-1\",\"notice\":\"us-cpsc:26647\".*1 listing against" ${CONFORM} recalls match ${TMP}/bare_listings.txt --format csv --db ${TMP}/cpsc.db)
expect_run(2 "cannot tell the listings. format from the extension .\\.txt. \\(name the file \\.jsonl \\(JSON Lines\\) or \\.csv, or give --format jsonl or --format csv\\)" ${CONFORM} recalls match ${TMP}/bare_listings.txt --db ${TMP}/cpsc.db)
# A model the description labels ("Model No: E33A" in HTML, "产品型号：GV31"
# in Chinese, "Модель: GV31" in Russian) is found from a listing index too,
# which keeps only that of the description; a spare "for model
# BSFIREPIT01", a remote control "passend für BenQ Modell GV31", is not the
# recalled product, and a pouch "전용" (made for) the GV31 is reviewed.
file(REMOVE ${TMP}/sellers.idx)
expect_run(0 "listings_sellers.jsonl: 10 new" ${CONFORM} recalls index ${RECALLS}/listings_sellers.jsonl --index ${TMP}/sellers.idx)
expect_run(0 "\"listing_id\":\"S-4\".*26610: 1 affected listing of 10" ${CONFORM} recalls affected 26610 --db ${TMP}/cpsc.db --index ${TMP}/sellers.idx)
expect_run(0 "26687: 1 affected listing of 10"
           ${CONFORM} recalls affected 26687 --db ${TMP}/cpsc.db --index ${TMP}/sellers.idx)
# A gtin field holding two GTINs: found from the index as from the file.
file(WRITE ${TMP}/two_gtins.jsonl "{\"listing_id\": \"G-1\", \"seller_id\": \"S\", \"title\": \"Brookstone tabletop fire pit\", \"gtin\": \"4006381333931 / 680079015947\", \"target_markets\": [\"US\"]}\n")
file(REMOVE ${TMP}/two_gtins.idx)
expect_run(0 "two_gtins.jsonl: 1 new" ${CONFORM} recalls index ${TMP}/two_gtins.jsonl --index ${TMP}/two_gtins.idx)
expect_run(0 "\"action\":\"takedown\".*\"listing_id\":\"G-1\".*26687: 1 affected listing of 1" ${CONFORM} recalls affected 26687 --db ${TMP}/cpsc.db --index ${TMP}/two_gtins.idx)
expect_run(0 "\"action\":\"takedown\".*\"listing_id\":\"G-1\".*26687: 1 affected listing of 1" ${CONFORM} recalls affected 26687 --db ${TMP}/cpsc.db --listings ${TMP}/two_gtins.jsonl)
# The recall number as CPSC writes it, with its hyphen.
expect_run(0 "\"listing_id\":\"S-4\".*: 1 affected listing of 10" ${CONFORM} recalls affected 26-610 --db ${TMP}/cpsc.db --index ${TMP}/sellers.idx)
expect_run(0 "\"listing_id\":\"S-4\".*: 1 affected listing of 10" ${CONFORM} recalls affected us-cpsc:26-610 --db ${TMP}/cpsc.db --index ${TMP}/sellers.idx)
expect_run(0 "\"listing_id\":\"S-1\".*\"listing_id\":\"S-7\".*\"listing_id\":\"S-9\".*\"action\":\"review\".*\"listing_id\":\"S-10\".*26647: 4 affected listings of 10"
           ${CONFORM} recalls affected 26647 --db ${TMP}/cpsc.db --index ${TMP}/sellers.idx)
# A recalled product 2 100 sellers list, more than a code's holders may be
# before the code counts as shared: counted over the notices, as match
# counts, affected finds every listing, from the file and from an index.
set(popular "")
foreach(i RANGE 2099)
  string(APPEND popular "{\"listing_id\": \"P-${i}\", \"seller_id\": \"SEL-${i}\", \"target_markets\": [\"US\"], \"title\": \"Magnetic wireless power bank 5000mAh\", \"brand\": \"Flaunt\", \"description\": \"Model No: E33A\"}\n")
endforeach()
file(WRITE ${TMP}/popular.jsonl "${popular}")
expect_run(0 "2100 listings against 20 notices: 2100 takedown, 0 review" ${CONFORM} recalls match ${TMP}/popular.jsonl --db ${TMP}/cpsc.db)
expect_run(0 "26610: 2100 affected listings of 2100" ${CONFORM} recalls affected 26610 --db ${TMP}/cpsc.db --listings ${TMP}/popular.jsonl)
file(REMOVE ${TMP}/popular.idx)
expect_run(0 "popular.jsonl: 2100 new" ${CONFORM} recalls index ${TMP}/popular.jsonl --index ${TMP}/popular.idx)
expect_run(0 "26610: 2100 affected listings of 2100 \\(2100 candidates\\)" ${CONFORM} recalls affected 26610 --db ${TMP}/cpsc.db --index ${TMP}/popular.idx)
expect_run(0 "\"action\":\"none\"" ${CONFORM} recalls explain 26647 S-8 --db ${TMP}/cpsc.db --listings ${RECALLS}/listings_sellers.jsonl)
expect_run(0 "\"action\":\"none\".*rule: the listing shows other model codes, not the notice's -> none" ${CONFORM} recalls explain 26647 S-3 --db ${TMP}/cpsc.db --listings ${RECALLS}/listings_sellers.jsonl)
# One pair explained, matched or not.
expect_run(0 "\"action\":\"takedown\",\"evidence\":\\[\"same GTIN 08055186669918\".*\"rule: shared GTIN -> takedown\"\\]"
           ${CONFORM} recalls explain A12/01135/24 R-1 --db ${TMP}/notices.db --listings ${RECALLS}/listings.jsonl)
expect_run(0 "\"action\":\"none\",\"evidence\":\\[\"not a candidate: .*the listing's: b:hosey\\|garden, b:hosey\\|hose\\)"
           ${CONFORM} recalls explain A12/01135/24 R-2 --db ${TMP}/notices.db --listings ${RECALLS}/listings.jsonl)
expect_run(2 "listing R-9 is not in" ${CONFORM} recalls explain A12/01135/24 R-9 --db ${TMP}/notices.db --listings ${RECALLS}/listings.jsonl)
expect_run(2 "notice 'A99/00000/99' is not in" ${CONFORM} recalls explain A99/00000/99 R-1 --db ${TMP}/notices.db --listings ${RECALLS}/listings.jsonl)
# A kept listing index answers as the listings file does; indexing again
# changes nothing; --replace removes what is no longer live.
file(REMOVE ${TMP}/listings.idx)
expect_run(0 "listings.jsonl: 2 new, 0 updated, 0 unchanged, 0 removed, 0 skipped" ${CONFORM} recalls index ${RECALLS}/listings.jsonl --index ${TMP}/listings.idx)
expect_run(0 "listings.jsonl: 0 new, 0 updated, 2 unchanged, 0 removed" ${CONFORM} recalls index ${RECALLS}/listings.jsonl --index ${TMP}/listings.idx --replace)
# Safety Gate printed an Amazon ASIN in the barcode field of A12/03648/24;
# a listing with that ASIN in its GTIN field is found both ways.
expect_run(0 "\"same ASIN B0CHYPVWHV\".*\"listing_id\":\"A-1\",\"notice\":\"eu-safety-gate:A12/03648/24\""
           ${CONFORM} recalls match ${RECALLS}/listings_asin.jsonl --db ${TMP}/notices.db)
file(REMOVE ${TMP}/asin.idx)
expect_run(0 "listings_asin.jsonl: 1 new" ${CONFORM} recalls index ${RECALLS}/listings_asin.jsonl --index ${TMP}/asin.idx)
expect_run(0 "\"listing_id\":\"A-1\".*A12/03648/24: 1 affected listing of 1" ${CONFORM} recalls affected A12/03648/24 --db ${TMP}/notices.db --index ${TMP}/asin.idx)
expect_run(0 "\"listing_id\":\"R-1\".*A12/01135/24: 1 affected listing of 2 \\(1 candidate\\)"
           ${CONFORM} recalls affected A12/01135/24 --db ${TMP}/notices.db --index ${TMP}/listings.idx)
expect_run(2 "no listing index here" ${CONFORM} recalls affected A12/01135/24 --db ${TMP}/notices.db --index ${TMP}/missing.idx)
expect_run(2 "not a listing index" ${CONFORM} recalls affected A12/01135/24 --db ${TMP}/notices.db --index ${TMP}/notices.db)
expect_run(2 "--listings FILE or --index FILE" ${CONFORM} recalls affected A12/01135/24 --db ${TMP}/notices.db)
expect_run(0 "\"listing_id\":\"R-1\".*\"market\":\"EU\",\"verdict\":\"BLOCK\".*\"code\":\"RECALLED_PRODUCT\",\"severity\":\"block\",[^\n]*Matches eu-safety-gate notice A12/01135/24"
           ${CONFORM} screen ${RECALLS}/listings.jsonl --on 2026-06-01 --recalls ${TMP}/notices.db)
# The EU notice has no force in the US, where R-1 is sold too: a warning.
expect_run(0 "\"market\":\"US\"[^\n]*\"code\":\"RECALLED_ELSEWHERE\",\"severity\":\"warn\",[^\n]*A recall in EU, which has no force in US: Matches eu-safety-gate notice A12/01135/24"
           ${CONFORM} screen ${RECALLS}/listings.jsonl --on 2026-06-01 --recalls ${TMP}/notices.db)
# A feed that has just arrived: stored, then its notices asked for at once.
file(REMOVE ${TMP}/arrived.db)
expect_run(0 "\"listing_id\":\"R-1\",\"notice\":\"eu-safety-gate:A12/01135/24\""
           ${CONFORM} recalls affected --feed ${RECALLS}/safetygate_sample.json --source eu-safety-gate --db ${TMP}/arrived.db --listings ${RECALLS}/listings.jsonl)
expect_run(2 "--feed needs --source" ${CONFORM} recalls affected --feed ${RECALLS}/safetygate_sample.json --db ${TMP}/arrived.db --listings ${RECALLS}/listings.jsonl)
# A feed's skipped records are reported as `recalls import` reports them.
file(REMOVE ${TMP}/arrived2.db)
expect_run(1 "record 4: skipped: no RecallNumber.*1 new, 0 updated, 0 unchanged, 4 skipped"
           ${CONFORM} recalls affected --feed ${RECALLS}/cpsc_synthetic.json --source us-cpsc --db ${TMP}/arrived2.db --listings ${RECALLS}/listings.jsonl)
# Whatever the answer needs is checked before a new feed is stored.
file(REMOVE ${TMP}/arrived3.db)
expect_run(2 "no listing index here" ${CONFORM} recalls affected --feed ${RECALLS}/safetygate_sample.json --source eu-safety-gate --db ${TMP}/arrived3.db --index ${TMP}/missing.idx)
if(EXISTS ${TMP}/arrived3.db)
  message(FATAL_ERROR "recalls affected --feed stored the feed although its --index was missing")
endif()
# So is every notice asked by id, in the store and the feed together.
expect_run(2 "notice 'us-cpsc:99999' is not in" ${CONFORM} recalls affected us-cpsc:99999 --feed ${RECALLS}/safetygate_sample.json --source eu-safety-gate --db ${TMP}/arrived3.db --listings ${RECALLS}/listings.jsonl)
if(EXISTS ${TMP}/arrived3.db)
  message(FATAL_ERROR "recalls affected --feed stored the feed although a notice asked for is in neither the store nor the feed")
endif()
expect_run(0 "\"listing_id\":\"R-1\".*A12/01135/24: 1 affected listing"
           ${CONFORM} recalls affected A12/01135/24 --feed ${RECALLS}/safetygate_sample.json --source eu-safety-gate --db ${TMP}/arrived3.db --listings ${RECALLS}/listings.jsonl)

# Listings files: CSV is read as CSV; an unknown extension is refused.
file(WRITE ${TMP}/listings.csv "listing_id,seller_id,title,brand,gtin,target_markets\nR-1,S-1,LIMAR kids bicycle helmet,LIMAR,8055186669918,EU\n")
expect_run(0 "\"listing_id\":\"R-1\",\"notice\":\"eu-safety-gate:A12/01135/24\"" ${CONFORM} recalls match ${TMP}/listings.csv --db ${TMP}/notices.db)
# A file longer than the batches recalls match reads at a time: the matches
# come in the file's order, and a broken line past the first batch is
# reported with its line number and skipped.
string(REPEAT "{\"listing_id\": \"F\", \"seller_id\": \"S-1\", \"target_markets\": [\"EU\"], \"title\": \"Garden hose 20 m\", \"brand\": \"Hosey\"}\n" 8200 filler)
file(WRITE ${TMP}/listings_long.jsonl "{\"listing_id\": \"R-FIRST\", \"seller_id\": \"S-1\", \"target_markets\": [\"EU\"], \"title\": \"LIMAR kids bicycle helmet\", \"gtin\": \"8055186669918\"}\n${filler}{\"listing_id\": \n{\"listing_id\": \"R-LAST\", \"seller_id\": \"S-1\", \"target_markets\": [\"EU\"], \"title\": \"LIMAR kids bicycle helmet\", \"gtin\": \"8055186669918\"}\n")
expect_run(1 "\"listing_id\":\"R-FIRST\",\"notice\":\"eu-safety-gate:A12/01135/24\".*\"listing_id\":\"R-LAST\",\"notice\":\"eu-safety-gate:A12/01135/24\".*listings_long.jsonl:8202: .*8202 listings against 12 notices: 2 takedown"
           ${CONFORM} recalls match ${TMP}/listings_long.jsonl --db ${TMP}/notices.db)
# recalls affected reads it a batch at a time too: both listings of the
# recalled helmet, the first batch's and the last's, in the file's order.
expect_run(1 "\"listing_id\":\"R-FIRST\".*\"listing_id\":\"R-LAST\".*listings_long.jsonl:8202: .*A12/01135/24: 2 affected listings of 8202 \\(2 candidates\\)"
           ${CONFORM} recalls affected A12/01135/24 --db ${TMP}/notices.db --listings ${TMP}/listings_long.jsonl)
# A file whose first batch holds no listing that can be read, and one
# after it: the feed is stored and the listing found; a file of bad records
# alone is refused before the feed is stored.
string(REPEAT "{\"listing_id\": \"B\"}\n" 8200 broken)
file(WRITE ${TMP}/listings_late.jsonl "${broken}{\"listing_id\": \"R-LATE\", \"title\": \"LIMAR kids bicycle helmet\", \"gtin\": \"8055186669918\"}\n")
file(WRITE ${TMP}/listings_broken.jsonl "${broken}")
file(REMOVE ${TMP}/arrived4.db)
expect_run(2 "listings_broken.jsonl: none of its records could be used \\(8200 skipped"
           ${CONFORM} recalls affected --feed ${RECALLS}/safetygate_sample.json --source eu-safety-gate --db ${TMP}/arrived4.db --listings ${TMP}/listings_broken.jsonl)
if(EXISTS ${TMP}/arrived4.db)
  message(FATAL_ERROR "recalls affected --feed stored the feed although no listing of --listings could be read")
endif()
expect_run(1 "\"line\":8201,\"listing_id\":\"R-LATE\",\"notice\":\"eu-safety-gate:A12/01135/24\".*A12/01135/24: 1 affected listing of 1 \\(1 candidate\\)"
           ${CONFORM} recalls affected --feed ${RECALLS}/safetygate_sample.json --source eu-safety-gate --db ${TMP}/arrived4.db --listings ${TMP}/listings_late.jsonl)
# recalls index reads it a batch at a time too; the broken line is skipped
# (and with --replace the file is refused, below).
file(REMOVE ${TMP}/listings_long.idx)
expect_run(1 "listings_long.jsonl: 3 new, 0 updated, 0 unchanged, 0 removed, 1 skipped.*listings_long.jsonl:8202: "
           ${CONFORM} recalls index ${TMP}/listings_long.jsonl --index ${TMP}/listings_long.idx)
# With --replace that broken line, past the first batch written, takes the
# whole update back: the index keeps what it held (a listing the file does
# not name, which the update would have removed), and an index the command
# would have made is not left behind.
file(WRITE ${TMP}/listings_extra.jsonl "{\"listing_id\": \"EXTRA\", \"seller_id\": \"S-1\", \"target_markets\": [\"EU\"], \"title\": \"Garden rake\"}\n")
expect_run(0 "listings_extra.jsonl: 1 new, 0 updated, 0 unchanged, 0 removed, 0 skipped"
           ${CONFORM} recalls index ${TMP}/listings_extra.jsonl --index ${TMP}/listings_long.idx)
expect_run(2 "1 record could not be read; with --replace.*the index was not changed"
           ${CONFORM} recalls index ${TMP}/listings_long.jsonl --index ${TMP}/listings_long.idx --replace)
expect_run(0 "listings_extra.jsonl: 0 new, 0 updated, 1 unchanged, 0 removed, 0 skipped"
           ${CONFORM} recalls index ${TMP}/listings_extra.jsonl --index ${TMP}/listings_long.idx)
file(REMOVE ${TMP}/listings_long_fresh.idx)
expect_run(2 "1 record could not be read; with --replace"
           ${CONFORM} recalls index ${TMP}/listings_long.jsonl --index ${TMP}/listings_long_fresh.idx --replace)
if(EXISTS ${TMP}/listings_long_fresh.idx OR EXISTS ${TMP}/listings_long_fresh.idx-wal OR EXISTS ${TMP}/listings_long_fresh.idx-shm)
  message(FATAL_ERROR "recalls index --replace refused the file but left a new index (or its log) behind")
endif()
# explain reads the file past the broken line (reported: exit 1, as match).
expect_run(1 "\"action\":\"takedown\",\"evidence\":\\[\"same GTIN 08055186669918\".*\"listing_id\":\"R-LAST\".*listings_long.jsonl:8202: "
           ${CONFORM} recalls explain A12/01135/24 R-LAST --db ${TMP}/notices.db --listings ${TMP}/listings_long.jsonl --threads 1)
# A listing id given twice: index warns that it keeps the last (exit 1,
# as for a skipped record); explain explains both, as match judges both.
file(WRITE ${TMP}/twice.jsonl "{\"listing_id\": \"D-1\", \"seller_id\": \"S\", \"title\": \"LIMAR kids bicycle helmet\", \"brand\": \"LIMAR\", \"gtin\": \"8055186669918\", \"target_markets\": [\"EU\"]}\n"
                              "{\"listing_id\": \"D-1\", \"seller_id\": \"S\", \"title\": \"Garden hose 20 m\", \"brand\": \"Hosey\", \"target_markets\": [\"EU\"]}\n")
# match and affected --listings say so too, and their matches give the
# line of each record.
expect_run(0 "\"line\":1,\"listing_id\":\"D-1\".*1 listing repeats a listing_id given before \\(the first at line 2, which repeats line 1\\)"
           ${CONFORM} recalls match ${TMP}/twice.jsonl --db ${TMP}/notices.db)
expect_run(0 "1 listing repeats a listing_id given before" ${CONFORM} recalls affected A12/01135/24 --db ${TMP}/notices.db --listings ${TMP}/twice.jsonl)
# The first repeat in the file is named, whichever id it is.
set(repeats "")
foreach(id R-A R-B R-C R-D R-E R-F R-G R-H R-I R-J R-J R-I R-H R-G R-F R-E R-D R-C R-B R-A)
  string(APPEND repeats "{\"listing_id\": \"${id}\", \"title\": \"Garden hose 20 m\"}\n")
endforeach()
file(WRITE ${TMP}/repeats.jsonl "${repeats}")
expect_run(0 "10 listings repeat a listing_id given before \\(the first at line 11, which repeats line 10\\)"
           ${CONFORM} recalls match ${TMP}/repeats.jsonl --db ${TMP}/notices.db)
file(REMOVE ${TMP}/twice.idx)
expect_run(1 "warning: .*twice.jsonl: 1 listing was replaced by a later one with the same listing_id \\(D-1\\); the index keeps the last"
           ${CONFORM} recalls index ${TMP}/twice.jsonl --index ${TMP}/twice.idx)
expect_run(0 "\"action\":\"takedown\".*\"action\":\"none\".*listing D-1 is given 2 times \\(lines 1, 2\\)"
           ${CONFORM} recalls explain A12/01135/24 D-1 --db ${TMP}/notices.db --listings ${TMP}/twice.jsonl)
file(WRITE ${TMP}/listings.txt "")
expect_run(2 "cannot tell the listings' format from the extension '.txt'" ${CONFORM} recalls match ${TMP}/listings.txt --db ${TMP}/notices.db)
# --replace takes the file for the whole live set: with an unreadable line,
# or no listings at all, it is refused and the index left as it was.
file(READ ${RECALLS}/listings.jsonl live)
file(WRITE ${TMP}/live_broken.jsonl "{\"listing_id\": \"R-9\", \"title\": \n${live}")
expect_run(2 "1 record could not be read; with --replace.*the index was not changed" ${CONFORM} recalls index ${TMP}/live_broken.jsonl --index ${TMP}/listings.idx --replace)
file(WRITE ${TMP}/live_empty.jsonl "")
expect_run(2 "holds no listings; with --replace" ${CONFORM} recalls index ${TMP}/live_empty.jsonl --index ${TMP}/listings.idx --replace)
# Nor is an empty file matched or indexed as if no listing were live; a
# header alone is as empty.
file(WRITE ${TMP}/header_only.csv "listing_id,seller_id,title,target_markets\n")
expect_run(2 "live_empty.jsonl: holds no listings" ${CONFORM} recalls match ${TMP}/live_empty.jsonl --db ${TMP}/notices.db)
expect_run(2 "header_only.csv: holds no listings" ${CONFORM} recalls match ${TMP}/header_only.csv --db ${TMP}/notices.db)
expect_run(2 "live_empty.jsonl: holds no listings" ${CONFORM} recalls affected A12/01135/24 --db ${TMP}/notices.db --listings ${TMP}/live_empty.jsonl)
file(REMOVE ${TMP}/empty.idx)
expect_run(2 "live_empty.jsonl: holds no listings.*the index was not changed" ${CONFORM} recalls index ${TMP}/live_empty.jsonl --index ${TMP}/empty.idx)
if(EXISTS ${TMP}/empty.idx)
  message(FATAL_ERROR "recalls index refused an empty file but left a new index behind")
endif()
expect_run(0 "A12/01135/24: 1 affected listing of 2" ${CONFORM} recalls affected A12/01135/24 --db ${TMP}/notices.db --index ${TMP}/listings.idx)
# A file none of whose records can be used brought nothing in: exit 2, as
# for screen, with nothing stored and no index made.
file(WRITE ${TMP}/all_bad.jsonl "{broken\n[1]\n{\"listing_id\":\"x\"}\n")
file(WRITE ${TMP}/all_bad_feed.json "[{\"RecallID\": 1, \"Title\": \"no number\"}, 42]")
file(REMOVE ${TMP}/all_bad.db ${TMP}/all_bad.idx)
expect_run(2 "all_bad_feed.json: none of its records could be used \\(2 skipped, reported above\\).*nothing imported"
           ${CONFORM} recalls import --source us-cpsc ${TMP}/all_bad_feed.json --db ${TMP}/all_bad.db)
expect_run(2 "all_bad.jsonl: none of its records could be used \\(3 skipped" ${CONFORM} recalls match ${TMP}/all_bad.jsonl --db ${TMP}/notices.db)
expect_run(2 "all_bad.jsonl: none of its records could be used.*the index was not changed" ${CONFORM} recalls index ${TMP}/all_bad.jsonl --index ${TMP}/all_bad.idx)
expect_run(2 "all_bad.jsonl: none of its records could be used" ${CONFORM} recalls affected A12/01135/24 --db ${TMP}/notices.db --listings ${TMP}/all_bad.jsonl)
expect_run(2 "cannot make the notice store here: the directory .*no_such_dir does not exist.*nothing imported"
           ${CONFORM} recalls import --source eu-safety-gate ${RECALLS}/safetygate_sample.json --db ${TMP}/no_such_dir/notices.db)
# A notice without a date is neither before nor after --since: it is
# counted aloud, not silently left out.
file(WRITE ${TMP}/undated.json "[{\"alert_number\":\"A12/00099/26\",\"product_name\":\"Soft toy\",\"brand\":\"Plushko\",\"product_category\":\"Toys\"}]")
file(REMOVE ${TMP}/undated.db)
expect_run(0 "1 new" ${CONFORM} recalls import --source eu-safety-gate ${TMP}/undated.json --db ${TMP}/undated.db)
expect_run(0 "0 notices.*1 notice without a date \\(published or updated\\) not shown" ${CONFORM} recalls list --db ${TMP}/undated.db --since 2020-01-01)
# Options that mean nothing alone are refused, not ignored.
expect_run(2 "--takedown-at requires --model" ${CONFORM} recalls match ${RECALLS}/listings.jsonl --db ${TMP}/notices.db --takedown-at 0.5)
expect_run(2 "--source requires --feed" ${CONFORM} recalls affected A12/01135/24 --db ${TMP}/notices.db --listings ${RECALLS}/listings.jsonl --source us-cpsc)
if(EXISTS ${TMP}/all_bad.db OR EXISTS ${TMP}/all_bad.idx)
  message(FATAL_ERROR "a file none of whose records could be used left a store or an index behind")
endif()
# Commands that read a store or an index never create one: a mistyped path
# is an error, not an empty answer.
file(REMOVE ${TMP}/typo.db ${TMP}/out.jsonl ${TMP}/out.jsonl.partial)
expect_run(2 "typo.db: no notice store here" ${CONFORM} screen ${RECALLS}/listings.jsonl --on 2026-06-01 --recalls ${TMP}/typo.db -o ${TMP}/out.jsonl)
expect_run(2 "--recall-model requires --recalls" ${CONFORM} screen ${RECALLS}/listings.jsonl --on 2026-06-01 --recall-model ${TMP}/model.json -o ${TMP}/out.jsonl)
file(WRITE ${TMP}/nothing.json "[]")
file(REMOVE ${TMP}/empty_store.db)
expect_run(0 "0 new.*warning: .*nothing.json: the feed holds no records" ${CONFORM} recalls import --source eu-safety-gate ${TMP}/nothing.json --db ${TMP}/empty_store.db)
expect_run(2 "empty_store.db holds no notices" ${CONFORM} screen ${RECALLS}/listings.jsonl --on 2026-06-01 --recalls ${TMP}/empty_store.db -o ${TMP}/out.jsonl)
expect_run(2 "typo.db: no notice store here" ${CONFORM} recalls match ${RECALLS}/listings.jsonl --db ${TMP}/typo.db)
if(EXISTS ${TMP}/typo.db OR EXISTS ${TMP}/out.jsonl OR EXISTS ${TMP}/out.jsonl.partial)
  message(FATAL_ERROR "a command that reads a notice store created one, or screen left an output file behind")
endif()
file(WRITE ${TMP}/zero.idx "")
expect_run(2 "zero.idx: no listing index here: the file is empty" ${CONFORM} recalls affected A12/01135/24 --db ${TMP}/notices.db --index ${TMP}/zero.idx)
expect_run(2 "is not a notice store: not an SQLite file" ${CONFORM} recalls list --db ${RECALLS}/listings.jsonl)
expect_run(2 "not a pair model: no \"learner\" object" ${CONFORM} recalls match ${RECALLS}/listings.jsonl --db ${TMP}/notices.db --model ${RECALLS}/safetygate_sample.json)
expect_run(2 "--max-block: Value -1 not in range" ${CONFORM} recalls match ${RECALLS}/listings.jsonl --db ${TMP}/notices.db --max-block -1)
expect_run(2 "--threads: Value -1 not in range" ${CONFORM} recalls match ${RECALLS}/listings.jsonl --db ${TMP}/notices.db --threads -1)

# match-eval checks where it will write before it trains, and writes its two
# outputs together or not at all.
file(REMOVE_RECURSE ${TMP}/er)
file(MAKE_DIRECTORY ${TMP}/er)
set(pairs "")
foreach(i RANGE 1 6)
  string(APPEND pairs "COL title VAL acme kettle ak-10${i}\tCOL title VAL kettle by acme ak10${i}\t1\n")
  string(APPEND pairs "COL title VAL acme kettle ak-10${i}\tCOL title VAL toaster by volt vt20${i}\t0\n")
endforeach()
file(WRITE ${TMP}/er/train.txt "${pairs}")
file(WRITE ${TMP}/er/valid.txt "${pairs}")
file(REMOVE ${TMP}/er_p.tsv)
expect_run(2 "cannot write the model: the directory .*nodir does not exist" ${CONFORM} match-eval ${TMP}/er --predictions ${TMP}/er_p.tsv --model-out ${TMP}/nodir/m.json)
if(EXISTS ${TMP}/er_p.tsv)
  message(FATAL_ERROR "match-eval wrote its predictions although the model could not be written")
endif()
expect_run(0 "valid +12 +6 " ${CONFORM} match-eval ${TMP}/er --predictions ${TMP}/er_p.tsv --model-out ${TMP}/er_m.json)
# screen takes recalls match's thresholds too, the first with a model only.
expect_run(2 "--recall-takedown-at requires --recall-model" ${CONFORM} screen ${RECALLS}/listings.jsonl --on 2026-06-01 --recalls ${TMP}/notices.db --recall-takedown-at 0.5)
# The BenQ GV31 listing, its code in the title: BLOCK below the bar, and
# NEEDS_REVIEW when no probability reaches it.
expect_run(0 "\"listing_id\":\"S-1\"[^\n]*\"verdict\":\"BLOCK\"" ${CONFORM} screen ${RECALLS}/listings_sellers.jsonl --on 2026-12-01 --recalls ${TMP}/cpsc.db --recall-model ${TMP}/er_m.json --recall-takedown-at 0.01 --recall-max-block 100)
expect_run(0 "\"listing_id\":\"S-1\"[^\n]*\"verdict\":\"NEEDS_REVIEW\"" ${CONFORM} screen ${RECALLS}/listings_sellers.jsonl --on 2026-12-01 --recalls ${TMP}/cpsc.db --recall-model ${TMP}/er_m.json --recall-takedown-at 1.0)
file(WRITE ${TMP}/er/valid.txt "COL title VAL a\tCOL title VAL a\t1\n")
expect_run(2 "valid.txt: all 1 pairs are labelled 1" ${CONFORM} match-eval ${TMP}/er)
