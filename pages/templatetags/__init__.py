"""What templates show around and inside a page: the site chrome (menu, footer,
feed links), language links, images in their sizes, the <head>, and the
teasers of the programme, newsroom and showcase."""
