package org.exchangehub.kit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.UUID;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.CatalogueLoader;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scaffold proposes fields, the key and the change time from the glossary of department column names
 * ({@code config/glossary.yaml}), for each shape of source, with departments the demo does not have; csv and fixed
 * draft a file-drop-source route.
 */
class ScaffoldGlossaryTest {

    private static final Path SAMPLES = Path.of("src/test/resources/scaffold");
    private static final Catalogue CATALOGUE = CatalogueLoader.load(Path.of("config/catalogue"));

    @Test
    void aGbkCsvWithChineseHeadersDraftsTheMappingAndAFileDropRoute() {
        ProjectCopy copy = ProjectCopy.create();

        String out = scaffold(copy, "csv", SAMPLES.resolve("BIRTHS_20261201.csv").toString(), "--department", "health",
                "--feed", "births");

        assertThat(out).contains("wrote " + copy.file("config/mappings/health-births.yaml"));
        String mapping = read(copy, "config/mappings/health-births.yaml");
        assertThat(mapping).contains("dataset: person").contains("change_time: 更新时间")
                .contains("{ from: 公民身份号码 }").contains("{ from: 新生儿姓名 }").contains("{ from: 性别 }")
                .contains("{ from: 出生日期 }").contains("{ from: 户籍地行政区划代码 }");
        assertThat(read(copy, "routes/health-births.yaml")).contains("uri: kamelet:file-drop-source")
                .contains("format: csv").contains("charset: GBK  # REVIEW:").contains("include: \"BIRTHS_*.csv\"")
                .contains("sourceKey: 出生医学证明编号  # REVIEW:").contains("password: \"{{health.ftp.password}}\"")
                .contains("mapping: health-births");
    }

    @Test
    void theDraftedFileDropRouteAndMappingPassValidate() {
        ProjectCopy copy = ProjectCopy.create();
        scaffold(copy, "csv", SAMPLES.resolve("BIRTHS_20261201.csv").toString(), "--department", "health",
                "--feed", "births");

        assertThat(copy.problems()).isEmpty();
    }

    @Test
    void aFixedWidthLayoutOfPinyinNamesDraftsLayoutMappingAndRoute() {
        ProjectCopy copy = ProjectCopy.create();

        scaffold(copy, "fixed", "--layout", "SFZJH:18,XM:20,XB:1,CSRQ:8,XZQHDM:6,ZZ:60", "--department", "education",
                "--feed", "graduates");

        assertThat(read(copy, "config/mappings/education-graduates.yaml")).contains("{ from: SFZJH }")
                .contains("{ from: XM }").contains("{ from: XZQHDM }").contains("{ from: ZZ }");
        assertThat(read(copy, "config/layouts/education-graduates.yaml")).contains("- { name: XM, start: 19, length: 20 }")
                .contains("- { name: ZZ, start: 54, length: 60 }");
        assertThat(read(copy, "routes/education-graduates.yaml")).contains("format: fixed")
                .contains("layout: config/layouts/education-graduates.yaml");
        assertThat(copy.problems()).isEmpty();
    }

    @Test
    void aJsonSampleOfPinyinFieldsProposesTheKeyAndChangeTime() throws Exception {
        Drafts.Draft draft = Drafts.draft(ShapeReaders.json("students.json",
                Files.readString(SAMPLES.resolve("students.json")), Guesses.project()), CATALOGUE, null, "education",
                "students", Guesses.project());

        assertThat(draft.mapping()).contains("dataset: person").contains("{ from: sfzjh }").contains("{ from: hjxzqh }")
                .contains("change_time: update_time");
        assertThat(draft.route()).contains("keyField: xh  # REVIEW:").contains("changeField: update_time  # REVIEW:")
                .contains("recordsPath: result.rows");
    }

    @Test
    void aSoapSampleProposesTheRecordsIdAttributeAsItsKey() throws Exception {
        Drafts.Draft draft = Drafts.draft(ShapeReaders.soap("pensions.xml",
                Files.readString(SAMPLES.resolve("pensions.xml")), Guesses.project()), CATALOGUE, null,
                "human-resources", "pensions", Guesses.project());

        assertThat(draft.route()).contains("recordPath: //ns:pension").contains("keyField: id  # REVIEW:")
                .contains("changeField: gxsj  # REVIEW:").contains("fields: id,gmsfhm,xzlx,cbrq,zt,gxsj");
        assertThat(draft.mapping()).contains("dataset: social_insurance").contains("{ from: gmsfhm }")
                .contains("{ from: xzlx }").contains("{ from: cbrq }");
    }

    @Test
    void aTableOfPinyinColumnsWithoutAPrimaryKeyProposesItsKeyAndFields() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:edu-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("CREATE TABLE XJ_XSXX (XH VARCHAR(20), XM VARCHAR(50), GMSFHM VARCHAR(18),"
                    + " XB VARCHAR(1), CSRQ VARCHAR(10), HJXZQH VARCHAR(6), GXSJ TIMESTAMP)");
            Drafts.Draft draft = Drafts.draft(ShapeReaders.jdbc(c, "XJ_XSXX", "educationDb", Guesses.project()),
                    CATALOGUE, null, "education", "students", Guesses.project());

            assertThat(draft.mapping()).contains("dataset: person").contains("{ from: GMSFHM }")
                    .contains("{ from: HJXZQH }").contains("change_time: GXSJ");
            assertThat(draft.route()).contains("keyColumn: XH  # REVIEW:").contains("changeColumn: GXSJ  # REVIEW:");
        }
    }

    @Test
    void anEngineersOwnGlossaryEntryIsUsed() throws Exception {
        ProjectCopy copy = ProjectCopy.create().edit("config/glossary.yaml", "  phone:                  [联系电话,",
                "  phone:                  [监护人电话, 联系电话,");
        Path sample = copy.file("births.csv");
        Files.write(sample, "出生医学证明编号,新生儿姓名,公民身份号码,监护人电话\n".getBytes(java.nio.charset.Charset.forName("GBK")));

        scaffold(copy, "csv", sample.toString(), "--department", "health", "--feed", "births");

        assertThat(read(copy, "config/mappings/health-births.yaml")).contains("phone:").contains("{ from: 监护人电话 }");
    }

    private static String scaffold(ProjectCopy copy, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "scaffold";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--out";
        all[args.length + 2] = copy.root.toString();
        all[args.length + 3] = "--hub.config-dir=" + copy.file("config");
        all[args.length + 4] = "--camel.main.routes-include-pattern=file:" + copy.file("routes") + "/*.yaml";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Kit.run(all, start -> {
            throw new AssertionError("this scaffold needs no hub");
        }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String read(ProjectCopy copy, String relative) {
        try {
            return Files.readString(copy.file(relative));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
