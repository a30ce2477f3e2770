package dev.oktaentra.core.staging;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * The one place a StAX factory is made: the JDK's own implementation (whatever else is on the class path), with
 * DTDs, external entities and every external access switched off, and a resolver that refuses to resolve anything.
 */
final class SecureXml {

    private SecureXml() {
    }

    static XMLInputFactory inputFactory() {
        // The JDK's implementation, not the first on the class path: its refusals below are the ones tested here.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + dev.oktaentra.core.OktaEntraException.quote(systemId));
        });
        return factory;
    }
}
