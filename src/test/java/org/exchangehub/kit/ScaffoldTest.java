package org.exchangehub.kit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import org.exchangehub.catalogue.CatalogueLoader;
import org.exchangehub.demo.EnterpriseGenerator;
import org.exchangehub.demo.MarketRegulationDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScaffoldTest {

    private static final String NAME = "market-regulation-registrations";

    private static Drafts.Draft draftOfDemoTable() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:scaffold-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        MarketRegulationDatabase db = new MarketRegulationDatabase(ds, new EnterpriseGenerator(7));
        db.createTableIfAbsent();
        db.seed(300);
        try (Connection c = ds.getConnection()) {
            SourceShape shape = ShapeReaders.jdbc(c, "T_QYDJ", "marketRegulationDb");
            return Drafts.draft(shape, CatalogueLoader.load(Path.of("config/catalogue")), null, "market-regulation",
                    "registrations");
        }
    }

    @Test
    void demoTableDraftGuessesDatasetKeyChangeTimeAndEveryField() throws Exception {
        Drafts.Draft draft = draftOfDemoTable();
        assertThat(draft.mapping()).contains("dataset: legal_entity  # REVIEW:")
                .contains("change_time: GXSJ  # REVIEW:")
                .contains("uscc:                   { from: TYSHXYDM }  # REVIEW:")
                .contains("legal_rep_name:         { from: FDDBR }  # REVIEW:")
                .contains("registered_capital_cny: { from: ZCZB }  # REVIEW:")
                .contains("established_date:       { from: CLRQ }  # REVIEW:")
                .contains("division_code:          { from: XZQH }  # REVIEW:")
                .containsPattern("status_code: +\\{ from: DJZT, codes: \\{ \"0[1-4]\": \"\\?\"");
        assertThat(draft.route()).contains("id: market-regulation.registrations")
                .contains("dataSource: marketRegulationDb").contains("table: T_QYDJ")
                .contains("keyColumn: ID  # REVIEW:").contains("changeColumn: GXSJ  # REVIEW:")
                .contains("mapping: " + NAME);
    }

    @Test
    void draftIsRefusedUntilTheMarkedGuessesAreFilledInThenAccepted() throws Exception {
        Drafts.Draft draft = draftOfDemoTable();
        ProjectCopy copy = ProjectCopy.create()
                .write("config/mappings/" + NAME + ".yaml", draft.mapping())
                .write("routes/" + NAME + ".yaml", draft.route());

        List<String> unfilled = copy.problems();
        assertThat(unfilled).isNotEmpty().allMatch(l -> l.contains("code table gap: maps to '?'"));

        String filled = draft.mapping();
        for (String code : List.of("01", "02", "03", "04")) {
            filled = filled.replace("\"" + code + "\": \"?\"", "\"" + code + "\": \"" + code.charAt(1) + "\"");
        }
        // a code the department does not document stays out of the table: its records are rejected UNKNOWN_CODE
        filled = filled.replaceAll(",? *\"[^\"]+\": \"\\?\"", "");
        filled = filled.replace("{ from: ZCZB }", "{ from: ZCZB, unit: 万元 }");
        Files.writeString(copy.file("config/mappings/" + NAME + ".yaml"), filled);

        assertThat(copy.problems()).isEmpty();
    }

    @Test
    void csvHeaderGuessesPinyinAbbreviations() {
        SourceShape shape = ShapeReaders.csv("persons.csv", "SFZH,XM,XB,CSRQ,LXDH,ZZ,GXSJ\n");
        Drafts.Draft draft = Drafts.draft(shape, CatalogueLoader.load(Path.of("config/catalogue")), null,
                "public-security", "persons");
        assertThat(draft.mapping()).contains("dataset: person").contains("id_number:").contains("{ from: SFZH }")
                .contains("{ from: XM }").contains("{ from: XB }").contains("{ from: CSRQ }").contains("{ from: LXDH }")
                .contains("{ from: ZZ }").contains("change_time: GXSJ");
        // a CSV is dropped as a file: the route reads it with the file-drop source
        assertThat(draft.route()).contains("uri: kamelet:file-drop-source").contains("format: csv");
    }

    @Test
    void jsonSampleGivesRecordsPathFieldsAndARestRoute() throws Exception {
        SourceShape shape = ShapeReaders.json("persons.json", """
                {"code":0,"data":{"total":2,"items":[
                  {"rkbm":"R1","sfzh":"350102199001011234","xm":"王五","xb":"男","hjdz":{"xzqh":"350102","dz":"福州"},"gxsj":"2026-01-01T10:00:00"}
                ]}}""");
        Drafts.Draft draft = Drafts.draft(shape, CatalogueLoader.load(Path.of("config/catalogue")), null,
                "civil-affairs", "people");
        assertThat(draft.mapping()).contains("dataset: person").contains("{ from: sfzh }")
                .contains("{ from: hjdz.xzqh }").contains("{ from: hjdz.dz }");
        assertThat(draft.route()).contains("uri: kamelet:rest-source").contains("recordsPath: data.items  # REVIEW:")
                .contains("keyField: rkbm").contains("changeField: gxsj");
    }

    @Test
    void soapSampleGivesRecordPathNamespacesAndASoapRoute() throws Exception {
        SourceShape shape = ShapeReaders.soap("enrolments.xml", """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
                <r:QueryEnrolmentsResponse xmlns:r="urn:hr">
                  <r:enrolment><r:id>1</r:id><r:idNumber>x</r:idNumber><r:insuranceType>110</r:insuranceType>
                    <r:startDate>2020-01-01</r:startDate><r:status>01</r:status><r:updatedAt>t</r:updatedAt></r:enrolment>
                  <r:enrolment><r:id>2</r:id><r:idNumber>y</r:idNumber><r:insuranceType>310</r:insuranceType>
                    <r:startDate>2020-01-01</r:startDate><r:status>02</r:status><r:updatedAt>t</r:updatedAt></r:enrolment>
                </r:QueryEnrolmentsResponse></soap:Body></soap:Envelope>""");
        Drafts.Draft draft = Drafts.draft(shape, CatalogueLoader.load(Path.of("config/catalogue")), null,
                "human-resources", "enrolments");
        assertThat(draft.mapping()).contains("dataset: social_insurance").contains("{ from: idNumber }")
                .contains("{ from: insuranceType }").contains("{ from: status, codes: { \"01\": \"?\", \"02\": \"?\" } }");
        assertThat(draft.route()).contains("uri: kamelet:soap-source").contains("namespaces: ns=urn:hr")
                .contains("recordPath: //ns:enrolment").contains("changeField: updatedAt");
    }
}
