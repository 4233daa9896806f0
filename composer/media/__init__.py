"""Image work: reading image headers and metadata (`meta`, plain bytes), and decoding,
scaling and encoding pixels (`qt_images`, QtGui). No widgets, safe on worker threads.

Services reach the pixel work through the small `ImageCodec` protocol in
`composer.services.images`; this package knows nothing of the library or its files.
"""
