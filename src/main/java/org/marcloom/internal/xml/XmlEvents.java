package org.marcloom.internal.xml;

import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.marcloom.Limits;

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

    /// The JDK's StAX reader behind [XmlEvents], held to the text-format [Limits] as
    /// [MarcXmlScanner] is: nesting, attributes per element (namespace declarations included),
    /// element and attribute names (qualified), and each attribute value (the scanner bounds the
    /// whole start tag). A bound broken is a [MarcXmlScanner.LimitException] naming the setting, at
    /// the end of the start tag. So that the parser never holds a runaway name or attribute list,
    /// the JDK's own `jdk.xml.*` limits are set one above these (names: at least the JDK's
    /// default, 1,000): a name or an attribute list that goes past that stops the JDK's parser
    /// first, and its error becomes a LimitException for the same setting (without the element's
    /// name, which the JDK does not give). Every other method is the reader's own, as
    /// [StreamReaderDelegate] forwards it.
    final class Stax extends StreamReaderDelegate implements XmlEvents {
        private final Limits limits;
        private int depth;

        private Stax(XMLStreamReader r, Limits limits) {
            super(r);
            this.limits = limits;
        }

        /// A reader of `in` from `factory`, which gets the JDK's limits for `limits` first.
        ///
        /// @throws XMLStreamException when the JDK's parser cannot start (a broken prologue)
        static Stax open(XMLInputFactory factory, java.io.Reader in, Limits limits) throws XMLStreamException {
            configure(factory, limits);
            return new Stax(factory.createXMLStreamReader(in), limits);
        }

        /// The JDK counts namespace URIs as names too (the MARC namespace has 30 characters): its
        /// name limit never goes below its own default.
        private static final int JDK_NAME_FLOOR = 1000;

        /// Sets the JDK's limits for the parser one above `limits` (the name limit at least
        /// [#JDK_NAME_FLOOR]).
        private static void configure(XMLInputFactory f, Limits limits) {
            f.setProperty("jdk.xml.maxElementDepth", above(limits.maxNestingDepth()));
            f.setProperty("jdk.xml.elementAttributeLimit", above(limits.maxAttributesPerElement()));
            f.setProperty("jdk.xml.maxXMLNameLimit", above(Math.max(limits.maxNameLength(), JDK_NAME_FLOOR)));
        }

        private static String above(int bound) {
            return String.valueOf(bound == Integer.MAX_VALUE ? 0 : bound + 1); // 0: no JDK limit
        }

        @Override
        public int next() throws XMLStreamException {
            int e;
            try {
                e = super.next();
            } catch (XMLStreamException x) {
                throw translated(x);
            }
            if (e == START_ELEMENT) {
                depth++;
                checkStartTag();
            } else if (e == END_ELEMENT) {
                depth--;
            }
            return e;
        }

        /// The JDK's errors for the limits [#configure] sets (by their stable message codes) as
        /// LimitExceptions; any other error as it is.
        private XMLStreamException translated(XMLStreamException x) {
            String m = x.getMessage();
            if (m == null) {
                return x;
            }
            if (m.contains("JAXP00010005")) {
                return limit("a name is longer than " + limits.maxNameLength() + " characters, the maximum allowed",
                        "maxNameLength", x.getLocation());
            }
            if (m.contains("JAXP00010002")) {
                return limit("an element has more than " + limits.maxAttributesPerElement()
                        + " attributes, the maximum allowed", "maxAttributesPerElement", x.getLocation());
            }
            if (m.contains("JAXP00010006")) {
                return limit("an element is nested deeper than " + limits.maxNestingDepth()
                        + " elements, the maximum allowed", "maxNestingDepth", x.getLocation());
            }
            return x;
        }

        private void checkStartTag() throws XMLStreamException {
            String qname = qualified(getPrefix(), getLocalName());
            if (qname.length() > limits.maxNameLength()) {
                throw limit("an element name is longer than " + limits.maxNameLength()
                        + " characters, the maximum allowed", "maxNameLength");
            }
            if (depth > limits.maxNestingDepth()) {
                throw limit("element \"" + qname + "\" is nested deeper than " + limits.maxNestingDepth()
                        + " elements, the maximum allowed", "maxNestingDepth");
            }
            int attributes = getAttributeCount();
            if (attributes + getNamespaceCount() > limits.maxAttributesPerElement()) {
                throw limit("element \"" + qname + "\" has more than " + limits.maxAttributesPerElement()
                        + " attributes, the maximum allowed", "maxAttributesPerElement");
            }
            for (int i = 0; i < attributes; i++) {
                if (qualified(getAttributePrefix(i), getAttributeLocalName(i)).length() > limits.maxNameLength()) {
                    throw limit("an attribute name of element \"" + qname + "\" is longer than "
                            + limits.maxNameLength() + " characters, the maximum allowed", "maxNameLength");
                }
                if (getAttributeValue(i).length() > limits.maxTokenLength()) {
                    throw limit("the value of attribute \"" + getAttributeLocalName(i) + "\" of element \"" + qname
                            + "\" is longer than " + limits.maxTokenLength() + " characters, the maximum allowed",
                            "maxTokenLength");
                }
            }
        }

        private static String qualified(String prefix, String local) {
            return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
        }

        private MarcXmlScanner.LimitException limit(String problem, String setting) {
            return limit(problem, setting, getLocation());
        }

        private static MarcXmlScanner.LimitException limit(String problem, String setting, Location at) {
            return new MarcXmlScanner.LimitException(problem + " (from Limits." + setting + ")", at);
        }
    }
}
