package org.marcloom.record;

import java.util.AbstractList;
import java.util.RandomAccess;

/// An unmodifiable list over an array the caller hands over and never touches again.
/// One object per list, no copy: the model's lists are built once by their owner.
final class ArrayListView<E> extends AbstractList<E> implements RandomAccess {

    private final E[] items;
    private final int size;

    ArrayListView(E[] items, int size) {
        this.items = items;
        this.size = size;
    }

    @Override
    public E get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " out of bounds for size " + size);
        }
        return items[index];
    }

    @Override
    public int size() {
        return size;
    }
}
