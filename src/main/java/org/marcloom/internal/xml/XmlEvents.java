package org.marcloom.internal.xml;

import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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

    /// The JDK's StAX reader behind [XmlEvents].
    record Stax(XMLStreamReader r) implements XmlEvents {

        @Override
        public int next() throws XMLStreamException {
            return r.next();
        }

        @Override
        public boolean hasNext() throws XMLStreamException {
            return r.hasNext();
        }

        @Override
        public int getEventType() {
            return r.getEventType();
        }

        @Override
        public String getLocalName() {
            return r.getLocalName();
        }

        @Override
        public String getNamespaceURI() {
            return r.getNamespaceURI();
        }

        @Override
        public QName getName() {
            return r.getName();
        }

        @Override
        public int getAttributeCount() {
            return r.getAttributeCount();
        }

        @Override
        public String getAttributeLocalName(int index) {
            return r.getAttributeLocalName(index);
        }

        @Override
        public String getAttributeValue(int index) {
            return r.getAttributeValue(index);
        }

        @Override
        public String getAttributeValue(String namespace, String localName) {
            return r.getAttributeValue(namespace, localName);
        }

        @Override
        public String getText() {
            return r.getText();
        }

        @Override
        public char[] getTextCharacters() {
            return r.getTextCharacters();
        }

        @Override
        public int getTextStart() {
            return r.getTextStart();
        }

        @Override
        public int getTextLength() {
            return r.getTextLength();
        }

        @Override
        public boolean isWhiteSpace() {
            return r.isWhiteSpace();
        }

        @Override
        public Location getLocation() {
            return r.getLocation();
        }

        @Override
        public void close() throws XMLStreamException {
            r.close();
        }
    }
}
