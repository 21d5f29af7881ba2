package io.tacit.cli;

import io.tacit.run.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version} on every command. */
public final class TacitVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"tacit " + ToolVersion.current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
