package org.marcloom.internal.xml;

import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/// The part of a StAX reader that [MarcXmlSource] uses: implemented by [MarcXmlScanner] (the fast
/// path) and by [Stax] over the JDK's parser (documents with a DTD, XML 1.1). Event codes are
/// [javax.xml.stream.XMLStreamConstants]'. Text may come in several events.
interface XmlEvents {

    int next() throws XMLStreamException;

    boolean hasNext() throws XMLStreamException;

    int getEventType();

    String getLocalName();

    /// The element's namespace, or null or empty when it has none.
    String getNamespaceURI();

    QName getName();

    int getAttributeCount();

    String getAttributeLocalName(int index);

    String getAttributeValue(int index);

    /// The value of the first attribute with this local name (whatever its namespace), or null.
    String getAttributeValue(String namespace, String localName);

    String getText();

    char[] getTextCharacters();

    int getTextStart();

    int getTextLength();

    boolean isWhiteSpace();

    /// Where the parser stands: just after the current event.
    Location getLocation();

    void close() throws XMLStreamException;

    /// The JDK's StAX reader behind [XmlEvents]: every method is the reader's own, as
    /// [StreamReaderDelegate] forwards it.
    final class Stax extends StreamReaderDelegate implements XmlEvents {
        Stax(XMLStreamReader r) {
            super(r);
        }
    }
}
