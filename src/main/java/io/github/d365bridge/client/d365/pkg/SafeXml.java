package io.github.d365bridge.client.d365.pkg;

import java.io.Reader;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers for package files, which come from outside: no DTDs and no external entities
 * (XXE), and the JDK's own parser so that behaviour does not depend on what else is on the classpath.
 */
final class SafeXml {

    private static final XMLInputFactory FACTORY = createFactory();

    private SafeXml() {
    }

    static XMLStreamReader reader(Reader text) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(text);
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
