package io.jenkins.plugins.mlcicd.input;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;

/**
 * Refuses YAML aliases ({@code *name}). Jackson does not expand them: it would silently read
 * the alias as the string {@code "name"}. Refusing them also makes alias bombs harmless.
 */
final class NoAliasYamlParser extends JsonParserDelegate {
    private final YAMLParser yaml;

    NoAliasYamlParser(YAMLParser yaml) {
        super(yaml);
        this.yaml = yaml;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return refuseAlias(super.nextToken());
    }

    @Override
    public JsonToken nextValue() throws IOException {
        return refuseAlias(super.nextValue());
    }

    private JsonToken refuseAlias(JsonToken token) throws IOException {
        if (yaml.isCurrentAlias()) {
            throw new JsonParseException(this, "YAML aliases are not supported (*" + yaml.getText()
                    + "): write the value out in full");
        }
        return token;
    }
}
