package io.jenkins.plugins.mlcicd.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GateJUnitXmlTest {
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static Element testCase(Document doc, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element element = (Element) cases.item(i);
            if (element.getAttribute("name").equals(name)) {
                return element;
            }
        }
        throw new AssertionError("no testcase " + name);
    }

    @Test
    void oneTestCasePerCheckWithFailuresAndSkips() throws Exception {
        ResultDocument result = GateTest.gate("""
                rules:
                  - {metric: auc, atLeast: 0.8, minImprovement: 0.005}
                  - {metric: ece, atMost: 0.05, severity: unstable}
                  - {metric: f1, atLeast: 0.5}
                """, "{\"auc\": 0.79, \"ece\": 0.07, \"f1\": 0.6}", null);
        Document doc = parse(GateJUnitXml.render(result, "model-gate"));

        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("model-gate");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(4);

        Element auc = testCase(doc, "auc");
        assertThat(auc.getAttribute("classname")).isEqualTo("model-gate");
        Element failure = (Element) auc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("FAILED");
        assertThat(failure.getAttribute("message")).isEqualTo("auc 0.79: needs ≥ 0.8");
        assertThat(auc.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("FAILED: auc 0.79: needs ≥ 0.8", "value: 0.79", "threshold: ≥ 0.8");

        Element ece = testCase(doc, "ece");
        assertThat(((Element) ece.getElementsByTagName("failure").item(0)).getAttribute("type")).isEqualTo("WARNING");

        Element relative = testCase(doc, "auc vs baseline");
        assertThat(relative.getElementsByTagName("failure").getLength()).isZero();
        assertThat(((Element) relative.getElementsByTagName("skipped").item(0)).getAttribute("message")).contains("no baseline");

        Element f1 = testCase(doc, "f1");
        assertThat(f1.getElementsByTagName("failure").getLength()).isZero();
        assertThat(f1.getElementsByTagName("skipped").getLength()).isZero();
    }

    @Test
    void everythingIsEscapedAndTheXmlStaysWellFormed() throws Exception {
        String nasty = "a<b>&\"c'\u0001\uD800]]>\n\u00e9\uD83D\uDE00";
        Check check = new Check("auc[" + nasty + "]", Verdict.FAILED, 0.5, null, null, "≥ 0.8",
                "message " + nasty, Map.of());
        ResultDocument result = new ResultDocument(ResultKind.GATE, Verdict.FAILED, "summary " + nasty,
                Instant.parse("2026-01-02T03:04:05.678Z"), 12, List.of(check), null);
        String xml = GateJUnitXml.render(result, "suite<&>\"");
        Document doc = parse(xml);
        Element testCase = (Element) doc.getElementsByTagName("testcase").item(0);
        assertThat(testCase.getAttribute("name")).isEqualTo("auc[a<b>&\"c'\uFFFD\uFFFD]]>\n\u00e9\uD83D\uDE00]");
        assertThat(testCase.getAttribute("classname")).isEqualTo("suite<&>\"");
        assertThat(((Element) testCase.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .isEqualTo("message a<b>&\"c'\uFFFD\uFFFD]]>\n\u00e9\uD83D\uDE00");
        assertThat(((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("timestamp"))
                .isEqualTo("2026-01-02T03:04:05");
    }

    @Test
    void blankSuiteNameFallsBackToTheKind() throws Exception {
        ResultDocument result = GateTest.gate("rules: [{metric: auc, atLeast: 0.8}]", "{\"auc\": 0.9}", null);
        Document doc = parse(GateJUnitXml.render(result, " "));
        assertThat(((Element) doc.getElementsByTagName("testcase").item(0)).getAttribute("classname")).isEqualTo("gate");
    }
}
