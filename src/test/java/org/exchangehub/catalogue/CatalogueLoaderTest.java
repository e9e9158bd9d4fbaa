package org.exchangehub.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.exchangehub.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueLoaderTest {

    @TempDir
    Path dir;

    @Test
    void projectCatalogueHasTheThreeDatasetsOfTheSpec() {
        Catalogue c = CatalogueLoader.load(Path.of("config/catalogue"));
        assertThat(c.names()).containsExactly("legal_entity", "person", "social_insurance");
        assertThat(c.dataset("person").fields()).extracting(FieldSpec::name)
                .containsExactly("id_number", "name", "sex_code", "birth_date", "division_code", "address", "phone");
        assertThat(c.dataset("social_insurance").businessKey())
                .containsExactly("id_number", "insurance_type", "employer_uscc");
    }

    @Test
    void decimalsCarryPrecisionAndScale() {
        FieldSpec capital = CatalogueLoader.load(Path.of("config/catalogue")).dataset("legal_entity")
                .field("registered_capital_cny");
        assertThat(capital.type()).isEqualTo(FieldType.DECIMAL);
        assertThat(capital.precision()).isEqualTo(20);
        assertThat(capital.scale()).isEqualTo(2);
    }

    @Test
    void personalFieldsAreSensitive() {
        Dataset person = CatalogueLoader.load(Path.of("config/catalogue")).dataset("person");
        assertThat(person.fields()).filteredOn(FieldSpec::sensitive).extracting(FieldSpec::name)
                .containsExactly("id_number", "name", "birth_date", "address", "phone");
    }

    @Test
    void codeTablesKeepTheirOrder() {
        FieldSpec type = CatalogueLoader.load(Path.of("config/catalogue")).dataset("social_insurance")
                .field("insurance_type");
        assertThat(type.codes().keySet()).containsExactly("110", "310", "210", "410", "510");
    }

    @Test
    void unknownTypeIsRefused() throws IOException {
        write("t.yaml", dataset("t", "  a: { type: text, rule: text }\n"));
        assertThatThrownBy(() -> CatalogueLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("t.yaml").hasMessageContaining("fields.a.type = 'text'")
                .hasMessageContaining("Fix: write string, date or decimal");
    }

    @Test
    void unknownRuleIsRefused() throws IOException {
        write("t.yaml", dataset("t", "  a: { type: string, rule: chinese_name }\n"));
        assertThatThrownBy(() -> CatalogueLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("t.yaml").hasMessageContaining("fields.a.rule = 'chinese_name'")
                .hasMessageContaining("is not a known rule").hasMessageContaining("Fix: use one of: id_number");
    }

    @Test
    void ruleOfAnotherTypeIsRefused() throws IOException {
        write("t.yaml", dataset("t", "  a: { type: string, rule: date }\n"));
        assertThatThrownBy(() -> CatalogueLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("fields.a.rule = 'date'").hasMessageContaining("applies to date fields")
                .hasMessageContaining("Fix:");
    }

    @Test
    void unknownDerivationIsRefused() throws IOException {
        write("t.yaml", dataset("t", "  a: { type: string, rule: text, derive: guess }\n"));
        assertThatThrownBy(() -> CatalogueLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("t.yaml").hasMessageContaining("fields.a.derive = 'guess'")
                .hasMessageContaining("Fix: use one of: sex_from_id_number");
    }

    @Test
    void derivationWithoutItsSourceFieldIsRefused() throws IOException {
        write("t.yaml", dataset("t", "  a: { type: string, rule: sex_code, derive: sex_from_id_number }\n"));
        assertThatThrownBy(() -> CatalogueLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("fields.a.derive").hasMessageContaining("needs a field id_number")
                .hasMessageContaining("Fix:");
    }

    @Test
    void businessKeyNamingAnUnknownFieldIsRefused() throws IOException {
        write("t.yaml", "dataset: t\ntitle: T\nbusiness_key: [b]\nfields:\n  a: { type: string, rule: text }\n");
        assertThatThrownBy(() -> CatalogueLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("t.yaml").hasMessageContaining("business_key = 'b'")
                .hasMessageContaining("Fix: use fields of this dataset: a");
    }

    @Test
    void duplicateFieldIsRefused() throws IOException {
        write("t.yaml", dataset("t", "  a: { type: string, rule: text }\n  a: { type: date, rule: date }\n"));
        assertThatThrownBy(() -> CatalogueLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("t.yaml").hasMessageContaining("duplicate key a")
                .hasMessageContaining("Fix:");
    }

    @Test
    void unknownFieldKeyIsRefused() throws IOException {
        write("t.yaml", dataset("t", "  a: { type: string, rule: text, mandatory: true }\n"));
        assertThatThrownBy(() -> CatalogueLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("fields.a.mandatory").hasMessageContaining("is not a key of a catalogue field")
                .hasMessageContaining("Fix: use only");
    }

    @Test
    void codeFieldWithoutCodesIsRefused() throws IOException {
        write("t.yaml", dataset("t", "  a: { type: string, rule: code }\n"));
        assertThatThrownBy(() -> CatalogueLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("fields.a.codes").hasMessageContaining("Fix:");
    }

    @Test
    void decimalWithoutPrecisionIsRefused() throws IOException {
        write("t.yaml", dataset("t", "  a: { type: decimal, rule: non_negative_decimal }\n"));
        assertThatThrownBy(() -> CatalogueLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("fields.a.precision").hasMessageContaining("Fix: write e.g. precision: 20");
    }

    @Test
    void datasetNamedOtherThanItsFileIsRefused() throws IOException {
        write("t.yaml", dataset("u", "  a: { type: string, rule: text }\n"));
        assertThatThrownBy(() -> CatalogueLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("t.yaml: dataset = 'u'").hasMessageContaining("Fix: name the file u.yaml");
    }

    @Test
    void invalidYamlIsRefused() throws IOException {
        write("t.yaml", "dataset: t\nfields: [a\n");
        assertThatThrownBy(() -> CatalogueLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("t.yaml").hasMessageContaining("is not valid YAML")
                .hasMessageContaining("Fix:");
    }

    private static String dataset(String name, String fields) {
        return "dataset: " + name + "\ntitle: T\nbusiness_key: [a]\nfields:\n" + fields;
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text);
    }
}
