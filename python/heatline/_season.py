def season(model, **kw):
    raise NotImplementedError
