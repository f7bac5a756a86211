package de.kontor.identity.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.KontorUser;
import de.kontor.identity.Role;
import de.kontor.shared.AuditLog;
import de.kontor.shared.DomainException;
import de.kontor.shared.KontorProperties;
import de.kontor.shared.Validation;

/**
 * CSV import of org units ({@code unit,parent}) and people ({@code email,displayName,jobTitle,orgUnit,location,
 * phone,skills,role,company}). Valid rows are imported together in one transaction; invalid rows are reported with
 * their line and reason. Imported people get no password but an invitation link.
 */
@Service
public class PeopleImport {

    public static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A row that was not imported; {@code column} names the offending column, if one. */
    public record Rejected(String file, long line, String value, String column, String messageKey, Object[] args) {
    }

    /** An imported person and the one-time invitation link (only the hash of its token is stored). */
    public record Invited(String email, String displayName, Role role, String link) {
    }

    public record Result(int unitsCreated, List<Invited> invited, List<Rejected> rejected) {
    }

    private final PeopleImportRepository people;
    private final ProfileRepository profiles;
    private final OrgUnits units;
    private final Profiles validator;
    private final AuditLog audit;
    private final KontorProperties properties;

    PeopleImport(PeopleImportRepository people, ProfileRepository profiles, OrgUnits units, Profiles validator,
                 AuditLog audit, KontorProperties properties) {
        this.people = people;
        this.profiles = profiles;
        this.units = units;
        this.validator = validator;
        this.audit = audit;
        this.properties = properties;
    }

    /** Imports the units file first (so people may refer to new units), then the people file; either may be null. */
    @Transactional
    public Result run(KontorUser actor, byte[] unitsCsv, byte[] peopleCsv, String ip) {
        if (actor == null || !actor.admin()) {
            throw new DomainException.Forbidden();
        }
        boolean noUnits = unitsCsv == null || unitsCsv.length == 0;
        boolean noPeople = peopleCsv == null || peopleCsv.length == 0;
        if (noUnits && noPeople) {
            throw new DomainException.Invalid("people", "import.noFile");
        }
        Sheet unitSheet = noUnits ? null : Sheet.parse("units", unitsCsv, List.of("unit"));
        Sheet peopleSheet = noPeople ? null : Sheet.parse("people", peopleCsv, List.of("email", "displayName"));
        List<Rejected> rejected = new ArrayList<>();
        int created = unitSheet == null ? 0 : importUnits(unitSheet, rejected);
        List<Invited> invited = peopleSheet == null ? List.of() : importPeople(actor, peopleSheet, rejected);
        audit.record(actor.id(), "people.imported", "import", ip,
                "units=" + created + " people=" + invited.size() + " rejected=" + rejected.size());
        return new Result(created, invited, rejected);
    }

    private int importUnits(Sheet sheet, List<Rejected> rejected) {
        int created = 0;
        for (CSVRecord r : sheet.records()) {
            long line = sheet.line(r);
            String name = sheet.col(r, "unit");
            String parent = sheet.col(r, "parent");
            if (name.isEmpty() || name.length() > 120) {
                rejected.add(new Rejected("units", line, name, "unit", "validation.length", new Object[]{1, 120}));
            } else if (units.idByName(name).isPresent()) {
                rejected.add(new Rejected("units", line, name, "unit", "import.unitExists", new Object[0]));
            } else {
                Optional<Long> parentId = parent.isEmpty() ? Optional.empty() : units.idByName(parent);
                if (!parent.isEmpty() && parentId.isEmpty()) {
                    rejected.add(new Rejected("units", line, name, "parent", "import.parentUnknown",
                            new Object[]{parent}));
                } else {
                    units.insert(name, parentId.orElse(null));
                    created++;
                }
            }
        }
        return created;
    }

    private List<Invited> importPeople(KontorUser actor, Sheet sheet, List<Rejected> rejected) {
        List<Invited> invited = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Instant expires = Instant.now().plus(properties.invitationValidity());
        for (CSVRecord r : sheet.records()) {
            long line = sheet.line(r);
            String email = sheet.col(r, "email");
            String emailKey = email.toLowerCase(Locale.ROOT);
            if (new Validation().email("email", email).hasErrors()) {
                rejected.add(new Rejected("people", line, email, "email", "import.emailInvalid", new Object[0]));
                continue;
            }
            if (!seen.add(emailKey)) {
                rejected.add(new Rejected("people", line, email, "email", "import.emailTwice", new Object[0]));
                continue;
            }
            if (people.emailTaken(email)) {
                rejected.add(new Rejected("people", line, email, "email", "import.emailExists", new Object[0]));
                continue;
            }
            String roleRaw = sheet.col(r, "role");
            Role role;
            try {
                role = roleRaw.isEmpty() ? Role.MEMBER : Role.valueOf(roleRaw.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                rejected.add(new Rejected("people", line, email, "role", "import.roleUnknown",
                        new Object[]{roleRaw}));
                continue;
            }
            String unitName = sheet.col(r, "orgUnit");
            Long unitId = unitName.isEmpty() ? null : units.idByName(unitName).orElse(null);
            if (!unitName.isEmpty() && unitId == null) {
                rejected.add(new Rejected("people", line, email, "orgUnit", "import.unitUnknown",
                        new Object[]{unitName}));
                continue;
            }
            String company = Profiles.blankToNull(sheet.col(r, "company"));
            if (company != null && company.length() > 120) {
                rejected.add(new Rejected("people", line, email, "company", "validation.maxLength",
                        new Object[]{120}));
                continue;
            }
            List<String> skills = new ArrayList<>();
            for (String s : sheet.col(r, "skills").split(";")) {
                if (!s.isBlank()) {
                    skills.add(s.strip());
                }
            }
            ProfileChanges valid;
            try {
                valid = validator.validate(new ProfileChanges(sheet.col(r, "displayName"), sheet.col(r, "jobTitle"),
                        unitId, sheet.col(r, "location"), sheet.col(r, "phone"), "", skills, null));
            } catch (DomainException.Invalid e) {
                DomainException.FieldError first = e.errors().getFirst();
                rejected.add(new Rejected("people", line, email, first.field(), first.messageKey(), first.args()));
                continue;
            }
            long id = people.createUser(email, valid.displayName(), role, valid.jobTitle(), unitId, valid.location(),
                    valid.phone(), company);
            profiles.replaceSkills(id, valid.skills());
            String token = newToken();
            people.createInvitation(ApiTokens.hash(token), email, role, actor.id(), expires);
            invited.add(new Invited(email.strip(), valid.displayName(), role,
                    properties.baseUrl().replaceAll("/+$", "") + "/join/" + token));
        }
        return invited;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A parsed CSV file: UTF-8 (a BOM is skipped), delimiter ";" or "," detected from the header line. */
    record Sheet(List<CSVRecord> records, Map<String, Integer> headers, int[] lineStarts) {

        static Sheet parse(String file, byte[] bytes, List<String> requiredColumns) {
            if (bytes.length > MAX_BYTES) {
                throw new DomainException.TooLarge("import.tooLarge", MAX_BYTES / 1024 / 1024);
            }
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new DomainException.Invalid(file, "import.notUtf8");
            }
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            int eol = text.indexOf('\n');
            String header = eol < 0 ? text : text.substring(0, eol);
            char delimiter = count(header, ';') > count(header, ',') ? ';' : ',';
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader()
                    .setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true)
                    .setAllowMissingColumnNames(true).setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                    .get();
            try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
                Map<String, Integer> headers = new HashMap<>();
                parser.getHeaderMap().forEach((k, v) -> headers.put(k.strip().toLowerCase(Locale.ROOT), v));
                List<String> missing = requiredColumns.stream()
                        .filter(c -> !headers.containsKey(c.toLowerCase(Locale.ROOT))).toList();
                if (!missing.isEmpty()) {
                    throw new DomainException.Invalid(file, "import.missingColumns", String.join(", ", missing));
                }
                List<CSVRecord> records = parser.getRecords();
                return new Sheet(records, headers, lineStarts(text));
            } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
                throw new DomainException.Invalid(file, "import.unreadable");
            }
        }

        /** The 1-based line of the file where the record starts (exact also after multi-line quoted values). */
        long line(CSVRecord r) {
            int pos = (int) r.getCharacterPosition();
            int lo = 0;
            int hi = lineStarts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (lineStarts[mid] <= pos) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo + 1;
        }

        /** The trimmed value of a column (header names are case-insensitive); "" when absent. */
        String col(CSVRecord r, String name) {
            Integer index = headers.get(name.toLowerCase(Locale.ROOT));
            return index != null && index < r.size() ? r.get(index).strip() : "";
        }

        private static int[] lineStarts(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            return starts.stream().mapToInt(Integer::intValue).toArray();
        }

        private static long count(String s, char c) {
            return s.chars().filter(x -> x == c).count();
        }
    }
}
