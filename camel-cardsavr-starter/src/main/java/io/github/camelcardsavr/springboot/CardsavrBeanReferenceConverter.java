package io.github.camelcardsavr.springboot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the component options that take an object ({@code state-repository}, {@code ssl-context-parameters}, ...)
 * from a reference to a bean, written as in Camel: {@code #name} or {@code #bean:name}.
 */
final class CardsavrBeanReferenceConverter implements GenericConverter {

    private final BeanFactory beanFactory;
    private final Set<ConvertiblePair> pairs = new LinkedHashSet<>();

    CardsavrBeanReferenceConverter(BeanFactory beanFactory, List<Class<?>> beanTypes) {
        this.beanFactory = beanFactory;
        beanTypes.forEach(type -> pairs.add(new ConvertiblePair(String.class, type)));
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return pairs;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString().strip();
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length())
                : reference.startsWith("#") ? reference.substring(1) : "";
        if (name.isBlank()) {
            // the value is not echoed: whatever was typed here, it is not a bean name
            throw new IllegalArgumentException("A cardsavr option of type " + targetType.getType().getName()
                                               + " takes a bean reference such as #myBean");
        }
        return beanFactory.getBean(name, targetType.getType());
    }
}
