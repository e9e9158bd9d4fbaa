package org.exchangehub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.exchangehub.config.ConfigException;
import org.exchangehub.standards.MoneyUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a mapping file can be wrong, and the message that says how to fix it. */
class MappingLoaderTest {

    private static final String HEAD = "dataset: legal_entity\nsource: market-regulation\nfields:\n"
            + "  uscc: { from: TYSHXYDM }\n  name: { from: QYMC }\n";

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path f = dir.resolve("feed.yaml");
        Files.writeString(f, text);
        return f;
    }

    private Mapping load(String text) throws IOException {
        return MappingLoader.load(write(text), Fixtures.CATALOGUE, Fixtures.DIVISIONS);
    }

    @Test
    void exampleMappingLoadsTyped() {
        Mapping m = MappingLoader.load(Path.of("config/mappings/market-regulation-enterprises.yaml"),
                Fixtures.CATALOGUE, Fixtures.DIVISIONS);
        assertThat(m.id()).isEqualTo("market-regulation-enterprises");
        assertThat(m.source()).isEqualTo("market-regulation");
        assertThat(m.dataset().name()).isEqualTo("legal_entity");
        assertThat(m.field("registered_capital_cny").unit()).isEqualTo(MoneyUnit.WAN_YUAN);
        assertThat(m.field("status_code").codes()).containsEntry("01", "1");
        assertThat(m.sourceColumns()).containsExactly("TYSHXYDM", "QYMC", "FDDBR", "ZCZB", "CLRQ", "XZQH", "DJZT", "GXSJ");
    }

    @Test
    void unknownDatasetIsRefused() {
        assertThatThrownBy(() -> load("dataset: company\nsource: x\nfields:\n  name: { from: A }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feed.yaml: dataset = 'company': is not a dataset of the catalogue")
                .hasMessageContaining("Fix: use one of [legal_entity, person, social_insurance]");
    }

    @Test
    void unknownDatasetFieldIsRefusedNamingTheFieldsThatExist() {
        assertThatThrownBy(() -> load(HEAD + "  status_code: { from: DJZT }\n  capital: { from: ZCZB }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feed.yaml: fields.capital: is not a field of dataset legal_entity")
                .hasMessageContaining("Fix: use one of [uscc, name, legal_rep_name, registered_capital_cny");
    }

    @Test
    void requiredFieldNeitherMappedNorDerivableIsRefused() {
        assertThatThrownBy(() -> load(HEAD))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feed.yaml: fields = 'status_code'")
                .hasMessageContaining("Fix: add fields.status_code: { from: <source column> } or { default: <value> }");
    }

    @Test
    void requiredFieldDerivableFromAMappedFieldMayBeLeftOut() throws IOException {
        Mapping m = load("dataset: person\nsource: x\nfields:\n  id_number: { from: SFZH }\n  name: { from: XM }\n");
        assertThat(m.field("sex_code")).isNull();
    }

    @Test
    void codeTableTargetThatIsNotAStandardCodeIsRefused() {
        assertThatThrownBy(() -> load(HEAD + "  status_code: { from: DJZT, codes: { \"01\": \"5\" } }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feed.yaml: fields.status_code.codes.01 = '5': is not a standard code of status_code")
                .hasMessageContaining("Fix: map to one of [1, 2, 3, 4]");
    }

    @Test
    void standardCodesOtherThanAcceptOrRejectIsRefused() {
        assertThatThrownBy(() -> load(HEAD + "  status_code: { from: DJZT, codes: { \"01\": \"1\" }, standard_codes: sometimes }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("fields.status_code.standard_codes = 'sometimes': is neither accept nor reject")
                .hasMessageContaining("Fix: write standard_codes: accept");
    }

    @Test
    void standardCodesWithoutACodeTableIsRefused() {
        assertThatThrownBy(() -> load(HEAD + "  status_code: { from: DJZT, standard_codes: accept }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("fields.status_code.standard_codes = 'accept': applies only next to a code table");
    }

    @Test
    void codeTableIsClosedUnlessTheMappingAcceptsStandardCodes() throws IOException {
        Mapping closed = load(HEAD + "  status_code: { from: DJZT, codes: { \"01\": \"1\" } }\n");
        Mapping open = load(HEAD + "  status_code: { from: DJZT, codes: { \"01\": \"1\" }, standard_codes: accept }\n");

        assertThat(statusMapping(closed).acceptStandardCodes()).isFalse();
        assertThat(statusMapping(open).acceptStandardCodes()).isTrue();
    }

    private static FieldMapping statusMapping(Mapping m) {
        return m.fields().stream().filter(f -> f.field().equals("status_code")).findFirst().orElseThrow();
    }

    @Test
    void unquotedNumericCodeIsRefused() {
        assertThatThrownBy(() -> load(HEAD + "  status_code: { from: DJZT, codes: { 01: \"1\" } }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("fields.status_code.codes")
                .hasMessageContaining("Fix: quote every code");
    }

    @Test
    void unknownUnitIsRefused() {
        assertThatThrownBy(() -> load(HEAD + "  status_code: { from: DJZT }\n"
                + "  registered_capital_cny: { from: ZCZB, unit: 千元 }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feed.yaml: fields.registered_capital_cny.unit = '千元': is not a known unit")
                .hasMessageContaining("Fix: use 元, 万 or 万元");
    }

    @Test
    void invalidDatePatternIsRefused() {
        assertThatThrownBy(() -> load(HEAD + "  status_code: { from: DJZT }\n"
                + "  established_date: { from: CLRQ, formats: [yyyyMMbb] }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feed.yaml: fields.established_date.formats = 'yyyyMMbb'")
                .hasMessageContaining("Fix: write a java.time pattern");
    }

    @Test
    void unknownFieldKeyIsRefused() {
        assertThatThrownBy(() -> load(HEAD + "  status_code: { column: DJZT }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feed.yaml: fields.status_code.column: is not a key of a mapping field")
                .hasMessageContaining("Fix: use only");
    }

    @Test
    void unknownTopLevelKeyIsRefused() {
        assertThatThrownBy(() -> load("schedule: daily\n" + HEAD + "  status_code: { from: DJZT }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feed.yaml: schedule: is not a key of a mapping")
                .hasMessageContaining("Fix: use only");
    }

    @Test
    void defaultThatFailsTheFieldsRuleIsRefused() {
        assertThatThrownBy(() -> load(HEAD + "  status_code: { from: DJZT, default: \"7\" }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feed.yaml: fields.status_code.default = '7'")
                .hasMessageContaining("Fix: give a valid status_code or remove the default");
    }

    @Test
    void fieldWithNeitherFromNorDefaultIsRefused() {
        assertThatThrownBy(() -> load(HEAD + "  status_code: { codes: { \"01\": \"1\" } }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feed.yaml: fields.status_code: gives neither 'from' nor 'default'")
                .hasMessageContaining("Fix: add from: <source column> or default: <value>");
    }

    @Test
    void unitOnANonDecimalFieldIsRefused() {
        assertThatThrownBy(() -> load(HEAD + "  status_code: { from: DJZT, unit: 万元 }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("fields.status_code.unit").hasMessageContaining("Fix: remove it");
    }

    @Test
    void missingSourceIsRefused() {
        assertThatThrownBy(() -> load("dataset: legal_entity\nfields:\n  uscc: { from: A }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feed.yaml: source: is missing")
                .hasMessageContaining("Fix: name the source system");
    }
}
