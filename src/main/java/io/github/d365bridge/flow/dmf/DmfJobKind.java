package io.github.d365bridge.flow.dmf;

/** Which way a DMF job moves data: a package into D365, or a package out of it. */
public enum DmfJobKind {
    IMPORT, EXPORT
}
