package io.github.d365bridge.client.d365.pkg;

/** Names fixed by D365's package format, shared by the writer and the reader. */
final class PackageLayout {

    static final String MANIFEST_FILE = "Manifest.xml";
    static final String HEADER_FILE = "PackageHeader.xml";

    /** DataContract namespace of both XML files. */
    static final String NAMESPACE = "http://schemas.microsoft.com/dynamics/2015/01/DataManagement";
    static final String XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";

    static final String MANIFEST_TYPE =
            "Microsoft.Dynamics.AX.Framework.Tools.DataManagement.Serialization.DataManagementPackageManifest";
    static final String PACKAGE_TYPE = "DefinitionGroup";
    static final String PACKAGE_VERSION = "2";

    private PackageLayout() {
    }
}
